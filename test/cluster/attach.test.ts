import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { lab } from "../network/support.ts";

function session(interactive = false) {
  const { cluster: c, shell: sh, run } = lab();
  sh.interactive = interactive;
  return { c, sh, run };
}

describe("kubectl exec -it POD -- sh", () => {
  it("gives the terminal to the container's shell until exit", () => {
    const { sh, run } = session(true);
    run("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    run("sleep 10");
    expect(run("kubectl exec -it b -- sh")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(sh.prompt()).toBe("/ # ");
    expect(sh.inContainer).toBe(true);
    expect(run("hostname").stdout).toBe("b\n");
    expect(run("cat /etc/hostname").stdout).toBe("b\n");
    expect(run("exit 3")).toEqual({
      stdout: "",
      stderr: "command terminated with exit code 3\n",
      exitCode: 3,
    });
    expect(sh.prompt()).toBe("controlplane:~$ ");
    expect(run("hostname").stdout).toBe("controlplane\n");
  });

  it("shows bash's prompt with the pod's name and says exit as bash does", () => {
    const { sh, run } = session(true);
    run("kubectl create deployment web --image=nginx");
    run("sleep 10");
    run("kubectl exec -it deploy/web -- bash");
    expect(sh.prompt()).toMatch(/^root@web-[a-z0-9]+-[a-z0-9]{5}:\/# $/);
    expect(run("exit")).toEqual({ stdout: "exit\n", stderr: "", exitCode: 0 });
  });

  it("warns that there is no terminal when a script is piped in, and reads the next lines anyway", () => {
    const { sh, run } = session(false);
    run("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    run("sleep 10");
    expect(run("kubectl exec -it b -- sh").stderr).toBe(
      "Unable to use a TTY - input is not a terminal or the right kind of file\n",
    );
    expect(sh.prompt()).toBe("");
    expect(run("echo inside").stdout).toBe("inside\n");
    run("exit");
    expect(sh.inContainer).toBe(false);
  });

  it("warns without a terminal for a one-shot command too, and only when -t comes with -i", () => {
    const { run } = session(false);
    run("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    run("sleep 10");
    expect(run("kubectl exec -it b -- hostname")).toEqual({
      stdout: "b\n",
      stderr: "Unable to use a TTY - input is not a terminal or the right kind of file\n",
      exitCode: 0,
    });
    expect(run("kubectl exec -t b -- hostname").stderr).toBe("");
    const { run: runInTerminal } = session(true);
    runInTerminal("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    runInTerminal("sleep 10");
    expect(runInTerminal("kubectl exec -it b -- hostname").stderr).toBe("");
  });

  it("treats the browser's terminal as a TTY even though its watches end on their own", () => {
    const { sh, run } = session(false);
    sh.tty = true;
    run("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    run("sleep 10");
    expect(run("kubectl exec -it b -- sh").stderr).toBe("");
    expect(sh.prompt()).toBe("/ # ");
  });

  it("fails as the runtime does for a shell the image lacks, and stays on the node", () => {
    const { sh, run } = session(true);
    run("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    run("sleep 10");
    const r = run("kubectl exec -it b -- bash");
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toContain('exec: "bash": executable file not found in $PATH');
    expect(sh.inContainer).toBe(false);
  });

  it("leaves the container when its pod goes away", () => {
    const { c, sh, run } = session(true);
    run("kubectl run b --image=busybox --restart=Never -- sleep 3600");
    run("sleep 10");
    run("kubectl exec -it b -- sh");
    c.api.delete("pods", "default", "b", { gracePeriodSeconds: 0 });
    c.advance(5_000);
    const r = run("hostname");
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/^error: /);
    expect(sh.inContainer).toBe(false);
    expect(sh.prompt()).toBe("controlplane:~$ ");
  });
});

describe("kubectl run -i", () => {
  it("streams a one-shot command's output, deletes the pod with --rm and returns its code", () => {
    const { c, run } = session();
    run("kubectl create deployment web --image=nginx");
    run("kubectl expose deployment web --port=80");
    run("sleep 10");
    const r = run("kubectl run tmp --rm -i --restart=Never --image=busybox -- wget -qO- http://web");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.stdout).toContain("<title>Welcome to nginx!</title>");
    expect(r.stdout.endsWith('pod "tmp" deleted\n')).toBe(true);
    expect(c.api.tryGet("pods", "default", "tmp")).toBeUndefined();
  });

  it("returns a failed container's exit code with kubectl's message", () => {
    const { run } = session();
    const r = run('kubectl run f --rm -i -q --restart=Never --image=busybox -- sh -c "echo oops; exit 3"');
    expect(r).toEqual({
      stdout: 'oops\npod "f" deleted\n',
      stderr: "pod default/f terminated (Error)\n",
      exitCode: 3,
    });
  });

  it("gives -it's shell the terminal; its exit ends the container and kubectl with that code", () => {
    const { c, sh, run } = session(true);
    const r = run("kubectl run tmp --rm -it --restart=Never --image=busybox -- sh");
    expect(r).toEqual({
      stdout: "",
      stderr: "If you don't see a command prompt, try pressing enter.\n",
      exitCode: 0,
    });
    expect(sh.prompt()).toBe("/ # ");
    expect(run("ps").stdout).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 sh\n/);
    expect(run("exit 2")).toEqual({
      stdout: 'pod "tmp" deleted\n',
      stderr: "pod default/tmp terminated (Error)\n",
      exitCode: 2,
    });
    expect(c.api.tryGet("pods", "default", "tmp")).toBeUndefined();
    expect(sh.prompt()).toBe("controlplane:~$ ");
  });

  it("says how to resume when -it's shell exits in a pod that restarts it", () => {
    const { run } = session(true);
    run("kubectl run tmp -it --image=busybox -- sh");
    expect(run("exit").stdout).toBe(
      "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n",
    );
  });

  it("keeps stdin open in the pod spec, as kubectl's generator does", () => {
    const { c, run } = session();
    run("kubectl run k -i -t --restart=Never --image=busybox -- echo hi");
    const pod = c.api.get<Pod>("pods", "default", "k");
    expect(pod.spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
  });

  it("times out like kubectl when the pod never runs, and still removes it", () => {
    const { c, run } = session();
    const r = run(
      "kubectl run bad --rm -i --restart=Never --image=nosuchimage --pod-running-timeout=5s -- true",
    );
    expect(r).toEqual({
      stdout: 'pod "bad" deleted\n',
      stderr: "error: timed out waiting for the condition\n",
      exitCode: 1,
    });
    // --rm does not wait for the deletion: the kubelet removes the pod after its next PLEG relist.
    expect(c.api.tryGet<Pod>("pods", "default", "bad")?.metadata.deletionTimestamp).toBeDefined();
    c.advance(1_000);
    expect(c.api.tryGet("pods", "default", "bad")).toBeUndefined();
  });
});
