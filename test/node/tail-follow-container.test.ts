import { describe, expect, it } from "vitest";
import { applyPod, type Lab, lab } from "../network/support.ts";

function pod(l: Lab, name: string, command: string[]): void {
  applyPod(
    l,
    name,
    `  terminationGracePeriodSeconds: 5
  containers:
  - name: main
    image: busybox
    command: ${JSON.stringify(command)}`,
  );
  l.run("sleep 15");
}

describe("tail -f in a container", () => {
  it("streams lines appended by kubectl exec to the container log", () => {
    const l = lab();
    pod(l, "p", ["sh", "-c", "touch /tmp/log; tail -f /tmp/log"]);
    expect(l.run("kubectl get pod p").stdout).toContain("Running");
    l.run("kubectl exec p -- sh -c 'echo hi >> /tmp/log'");
    l.run("sleep 2");
    expect(l.run("kubectl logs p").stdout).toBe("hi\n");
  });

  it("runs tail as the container's own command", () => {
    const l = lab();
    pod(l, "t", ["sh", "-c", "printf 'a\\nb\\nc\\n' > /tmp/log; exec tail -n 2 -f /tmp/log"]);
    l.run("kubectl exec t -- sh -c 'echo d >> /tmp/log'");
    l.run("sleep 2");
    expect(l.run("kubectl logs t").stdout).toBe("b\nc\nd\n");
  });

  it("starts from command: [tail, -f, FILE] and keeps running", () => {
    const l = lab();
    pod(l, "c", ["tail", "-F", "/tmp/log"]);
    expect(l.run("kubectl get pod c").stdout).toContain("Running");
    l.run("kubectl exec c -- sh -c 'echo one >> /tmp/log; echo two >> /tmp/log'");
    l.run("sleep 2");
    expect(l.run("kubectl logs c").stdout).toContain("one\ntwo\n");
  });

  it("keeps tail in ps as a child of the shell", () => {
    const l = lab();
    pod(l, "ps", ["sh", "-c", "touch /tmp/log; tail -f /tmp/log"]);
    expect(l.run("kubectl exec ps -- ps").stdout).toMatch(/tail -f \/tmp\/log/);
  });

  it("exits with busybox's message when the file is missing", () => {
    const l = lab();
    pod(l, "m", ["tail", "-f", "/tmp/nope"]);
    expect(l.run("kubectl logs m").stdout).toBe(
      "tail: can't open '/tmp/nope': No such file or directory\ntail: no files\n",
    );
  });
});
