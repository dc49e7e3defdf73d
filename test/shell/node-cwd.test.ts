import { describe, expect, it } from "vitest";
import { lab } from "../network/support.ts";

const ok = (stdout = "") => ({ stdout, stderr: "", exitCode: 0 });
const fail = (stderr: string, exitCode = 1) => ({ stdout: "", stderr, exitCode });

describe("cd and pwd on a node", () => {
  it("starts in root's home", () => {
    const { run } = lab();
    expect(run("pwd")).toEqual(ok("/root\n"));
  });

  it("moves to an absolute directory and back home with a bare cd", () => {
    const { run } = lab();
    expect(run("cd /etc/kubernetes")).toEqual(ok());
    expect(run("pwd")).toEqual(ok("/etc/kubernetes\n"));
    run("cd");
    expect(run("pwd").stdout).toBe("/root\n");
  });

  it("folds . and .. and goes home with ~", () => {
    const { run } = lab();
    run("cd /etc/kubernetes/manifests/../pki/./");
    expect(run("pwd").stdout).toBe("/etc/kubernetes/pki\n");
    run("cd ..");
    expect(run("pwd").stdout).toBe("/etc/kubernetes\n");
    run("cd ~");
    expect(run("pwd").stdout).toBe("/root\n");
  });

  it("follows $PWD and $OLDPWD, and cd - prints where it went", () => {
    const { run } = lab();
    run("cd /etc");
    run("cd kubernetes");
    expect(run("echo $PWD $OLDPWD").stdout).toBe("/etc/kubernetes /etc\n");
    expect(run("cd -")).toEqual(ok("/etc\n"));
    expect(run("pwd").stdout).toBe("/etc\n");
  });

  it("says OLDPWD is not set before the first cd", () => {
    const { run } = lab();
    expect(run("cd -")).toEqual(fail("bash: cd: OLDPWD not set\n"));
  });

  it("fails as bash does for a missing directory, a file and extra arguments, and stays put", () => {
    const { run } = lab();
    run("cd /etc");
    expect(run("cd /nope")).toEqual(fail("bash: cd: /nope: No such file or directory\n"));
    expect(run("cd /etc/hosts")).toEqual(fail("bash: cd: /etc/hosts: Not a directory\n"));
    expect(run("cd hosts")).toEqual(fail("bash: cd: hosts: Not a directory\n"));
    expect(run("cd /tmp /var")).toEqual(fail("bash: cd: too many arguments\n"));
    expect(run("pwd").stdout).toBe("/etc\n");
  });

  it("sets $? to 1 after a failed cd", () => {
    const { run } = lab();
    expect(run("cd /nope; echo $?").stdout).toBe("1\n");
  });
});

describe("relative paths on a node", () => {
  it("lists and reads relative to the working directory", () => {
    const { run } = lab();
    run("cd /etc/kubernetes");
    expect(run("ls").stdout).toContain("manifests");
    expect(run("ls manifests").stdout).toContain("kube-apiserver.yaml");
    expect(run("cat ../hostname")).toEqual(ok("controlplane\n"));
    expect(run("grep -c image: manifests/etcd.yaml")).toEqual(ok("1\n"));
    expect(run("head -1 manifests/etcd.yaml")).toEqual(ok("apiVersion: v1\n"));
  });

  it("names the operand as given in errors", () => {
    const { run } = lab();
    run("cd /etc");
    expect(run("cat nope")).toEqual(fail("cat: nope: No such file or directory\n"));
    expect(run("ls nope")).toEqual(fail("ls: cannot access 'nope': No such file or directory\n", 2));
  });

  it("writes, copies, moves and removes relative to the working directory", () => {
    const { run } = lab();
    run("mkdir /tmp/work");
    run("cd /tmp/work");
    run("echo one > a.txt");
    run("echo two >> a.txt");
    run("touch b.txt");
    run("mkdir sub");
    run("cp a.txt sub/c.txt");
    run("mv b.txt sub");
    expect(run("cat /tmp/work/sub/c.txt").stdout).toBe("one\ntwo\n");
    expect(run("ls sub")).toEqual(ok("b.txt  c.txt\n"));
    run("rm sub/b.txt");
    expect(run("ls /tmp/work/sub").stdout).toBe("c.txt\n");
    expect(run("wc -l < a.txt").stdout).toBe("2\n");
    expect(run("[ -f a.txt ] && echo yes").stdout).toBe("yes\n");
  });

  it("applies a manifest named relative to the working directory", () => {
    const { run } = lab();
    run("mkdir /tmp/m");
    run("cd /tmp/m");
    run("kubectl run web --image=nginx --dry-run=client -o yaml > pod.yaml");
    expect(run("kubectl apply -f pod.yaml")).toEqual(ok("pod/web created\n"));
  });
});

describe("the node shell's prompt", () => {
  it("shows the home directory as ~ and others in full", () => {
    const { shell, run } = lab();
    expect(shell.prompt()).toBe("controlplane:~$ ");
    run("cd /etc/kubernetes");
    expect(shell.prompt()).toBe("controlplane:/etc/kubernetes$ ");
    run("mkdir -p /root/notes && cd /root/notes");
    expect(shell.prompt()).toBe("controlplane:~/notes$ ");
  });

  it("starts an ssh login at /root on the node and returns to the previous directory on exit", () => {
    const { shell, run } = lab();
    run("cd /etc");
    run("ssh node01");
    expect(shell.prompt()).toBe("node01:~$ ");
    run("cd /var/lib/kubelet");
    expect(shell.prompt()).toBe("node01:/var/lib/kubelet$ ");
    expect(run("cat config.yaml").stdout).toContain("kind: KubeletConfiguration");
    run("exit");
    expect(shell.prompt()).toBe("controlplane:/etc$ ");
    expect(run("pwd").stdout).toBe("/etc\n");
  });

  it("gives an ssh login its own variables", () => {
    const { run } = lab();
    run("export GREETING=hi");
    run("ssh node01");
    expect(run('echo "[$GREETING]"').stdout).toBe("[]\n");
    run("exit");
    expect(run("echo $GREETING").stdout).toBe("hi\n");
  });

  it("runs `ssh node cmd` in the node's home, leaving the shell where it was", () => {
    const { run } = lab();
    run("cd /etc");
    expect(run("ssh node01 pwd").stdout).toBe("/root\n");
    expect(run("pwd").stdout).toBe("/etc\n");
  });
});
