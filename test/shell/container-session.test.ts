import { describe, expect, it } from "vitest";
import { lab } from "../network/support.ts";

/** A cluster with a running nginx pod `web` and busybox pod `bb`, and an interactive shell. */
function session() {
  const l = lab();
  l.shell.interactive = true;
  l.run("kubectl run web --image=nginx");
  l.run("kubectl run bb --image=busybox -- sleep 3600");
  l.run("sleep 10");
  return l;
}

const ok = (stdout = "") => ({ stdout, stderr: "", exitCode: 0 });

describe("kubectl exec -it POD -- sh keeps one shell", () => {
  it("keeps the working directory between lines", () => {
    const { run } = session();
    run("kubectl exec -it web -- sh");
    expect(run("pwd")).toEqual(ok("/\n"));
    expect(run("cd /usr/share/nginx/html")).toEqual(ok());
    expect(run("ls")).toEqual(ok("50x.html\nindex.html\n"));
    expect(run("cat index.html").stdout).toContain("<title>Welcome to nginx!</title>");
    expect(run("pwd")).toEqual(ok("/usr/share/nginx/html\n"));
  });

  it("keeps shell variables and exports between lines", () => {
    const { run } = session();
    run("kubectl exec -it bb -- sh");
    run("X=5");
    expect(run("echo $X")).toEqual(ok("5\n"));
    expect(run("env | grep -c '^X='").stdout).toBe("0\n");
    run("export X");
    expect(run("env | grep '^X='")).toEqual(ok("X=5\n"));
  });

  it("shows one shell process in the container's ps, with each command its child", () => {
    const { run } = session();
    run("kubectl exec -it bb -- sh");
    run("cd /tmp");
    run("echo hi");
    expect(run("ps -o pid,ppid,args")).toEqual(
      ok("PID   PPID  COMMAND\n    1     0 sleep 3600\n    2     0 sh\n    3     2 ps -o pid,ppid,args\n"),
    );
  });

  it("starts in the image's WorkingDir", () => {
    const { run } = session();
    run("kubectl run r --image=redis");
    run("sleep 10");
    run("kubectl exec -it r -- sh");
    expect(run("pwd")).toEqual(ok("/data\n"));
  });

  it("starts a fresh shell for each exec", () => {
    const { run } = session();
    run("kubectl exec -it bb -- sh");
    run("cd /etc; Y=1");
    run("exit");
    run("kubectl exec -it bb -- sh");
    expect(run("echo $PWD y=$Y")).toEqual(ok("/ y=\n"));
  });

  it("leaves when exit ends a longer line, with its status", () => {
    const { shell, run } = session();
    run("kubectl exec -it bb -- sh");
    expect(run("cd /tmp; exit 4")).toEqual({
      stdout: "",
      stderr: "command terminated with exit code 4\n",
      exitCode: 4,
    });
    expect(shell.inContainer).toBe(false);
    expect(run("pwd").stdout).toBe("/root\n");
  });

  it("ends the session when the pod is deleted", () => {
    const { cluster, shell, run } = session();
    run("kubectl exec -it bb -- sh");
    run("cd /tmp");
    cluster.api.delete("pods", "default", "bb", { gracePeriodSeconds: 0 });
    cluster.advance(5_000);
    const r = run("pwd");
    expect(r.stderr).toMatch(/^error: /);
    expect(shell.inContainer).toBe(false);
  });
});

describe("cd errors in each container shell", () => {
  it("words it as busybox ash, with status 2", () => {
    const { run } = session();
    run("kubectl exec -it bb -- sh");
    expect(run("cd /nope")).toEqual({
      stdout: "",
      stderr: "sh: cd: can't cd to /nope: No such file or directory\n",
      exitCode: 2,
    });
    expect(run("cd /etc/hosts").stderr).toBe("sh: cd: can't cd to /etc/hosts: Not a directory\n");
  });

  it("words it as dash, naming the line read", () => {
    const { run } = session();
    run("kubectl exec -it web -- sh");
    expect(run("cd /nope")).toEqual({ stdout: "", stderr: "sh: 1: cd: can't cd to /nope\n", exitCode: 2 });
    expect(run("cd /nope").stderr).toBe("sh: 2: cd: can't cd to /nope\n");
  });

  it("words it as bash", () => {
    const { run } = session();
    run("kubectl exec -it web -- bash");
    expect(run("cd /nope")).toEqual({
      stdout: "",
      stderr: "bash: cd: /nope: No such file or directory\n",
      exitCode: 1,
    });
  });

  it("names the line in a busybox sh -c script", () => {
    const { run } = session();
    expect(run("kubectl exec bb -- sh -c 'cd /nope'").stderr).toBe(
      "sh: cd: line 1: can't cd to /nope: No such file or directory\ncommand terminated with exit code 2\n",
    );
  });

  it("names the line in a bash -c script", () => {
    const { run } = session();
    expect(run("kubectl exec web -- bash -c 'cd /nope'").stderr).toBe(
      "bash: line 1: cd: /nope: No such file or directory\ncommand terminated with exit code 1\n",
    );
  });

  it("keeps cd within one sh -c script", () => {
    const { run } = session();
    expect(run("kubectl exec web -- sh -c 'cd /usr/share/nginx; ls html; pwd'")).toEqual(
      ok("50x.html\nindex.html\n/usr/share/nginx\n"),
    );
  });
});

describe("the container shell's prompt", () => {
  it("shows the directory as busybox ash does", () => {
    const { shell, run } = session();
    run("kubectl exec -it bb -- sh");
    expect(shell.prompt()).toBe("/ # ");
    run("cd /etc");
    expect(shell.prompt()).toBe("/etc # ");
    run("cd /root");
    expect(shell.prompt()).toBe("~ # ");
  });

  it("stays a bare # in dash", () => {
    const { shell, run } = session();
    run("kubectl exec -it web -- sh");
    run("cd /usr/share/nginx/html");
    expect(shell.prompt()).toBe("# ");
  });

  it("shows user, pod and directory in bash", () => {
    const { shell, run } = session();
    run("kubectl exec -it web -- bash");
    run("cd /usr/share/nginx/html");
    expect(shell.prompt()).toBe("root@web:/usr/share/nginx/html# ");
  });

  it("follows cd in the main shell of kubectl run -it", () => {
    const { shell, run } = session();
    run("kubectl run -it t --image=busybox --rm --restart=Never -- sh");
    run("cd /tmp");
    expect(shell.prompt()).toBe("/tmp # ");
    expect(run("ps -o pid,args")).toEqual(ok("PID   COMMAND\n    1 sh\n    2 ps -o pid,args\n"));
  });
});
