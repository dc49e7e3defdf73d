import { describe, expect, it } from "vitest";
import { applyPod, type Lab, lab } from "../network/support.ts";

const IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.53";

function pod(l: Lab, name: string, lines: string): void {
  applyPod(
    l,
    name,
    `  containers:
  - name: main
    image: ${IMAGE}
${lines}`,
  );
}

const ip = (l: Lab, name: string) => l.run(`kubectl get pod ${name} -o jsonpath={.status.podIP}`).stdout;

describe("agnhost", () => {
  it("runs netexec from a command override", () => {
    const l = lab();
    pod(l, "cmd", `    command: ["/agnhost", "netexec", "--http-port=8080"]`);
    l.run("kubectl run client --image=busybox -- sleep 3600");
    l.run("sleep 20");
    expect(l.run(`kubectl exec client -- wget -qO- http://${ip(l, "cmd")}:8080/hostname`).stdout).toBe("cmd");
  });

  it("runs netexec from args after the image's entrypoint, with a space-separated port", () => {
    const l = lab();
    pod(l, "args", `    args: ["netexec", "--http-port", "8081"]`);
    l.run("kubectl run client --image=busybox -- sleep 3600");
    l.run("sleep 20");
    expect(l.run("kubectl logs args").stdout).toContain("Started HTTP server on port 8081");
    expect(l.run(`kubectl exec client -- wget -qO- http://${ip(l, "args")}:8081/echo?msg=hi`).stdout).toBe(
      "hi",
    );
  });

  it("answers the hostname with serve-hostname on 9376", () => {
    const l = lab();
    pod(l, "sh1", `    args: ["serve-hostname"]`);
    l.run("kubectl run client --image=busybox -- sleep 3600");
    l.run("sleep 20");
    expect(l.run(`kubectl exec client -- wget -qO- http://${ip(l, "sh1")}:9376`).stdout).toBe("sh1");
  });

  it("fails its /healthz after 10 seconds with liveness", () => {
    const l = lab();
    pod(l, "live", `    args: ["liveness"]`);
    l.run("kubectl run client --image=busybox -- sleep 3600");
    l.run("sleep 20");
    const r = l.run(`kubectl exec client -- wget -qO- http://${ip(l, "live")}:8080/healthz`);
    expect(r.stderr).toContain("500 Internal Server Error");
  });

  it("pauses by default and exits 2 on SIGTERM", () => {
    const l = lab();
    pod(l, "idle", "");
    l.run("sleep 20");
    expect(l.run("kubectl logs idle").stdout).toBe("Paused\n");
    l.run("kubectl delete pod idle --wait=false");
    l.run("sleep 2");
    expect(l.run("kubectl get pod idle").stderr).toContain("NotFound");
  });
});
