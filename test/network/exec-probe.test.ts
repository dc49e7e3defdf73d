import { describe, expect, it } from "vitest";
import type { Endpoints, Event, Pod } from "../../sandbox/api/types.ts";
import { lab } from "./support.ts";

// The container's own command creates /tmp/healthy; an exec readiness probe reads it. Removing the file
// with `kubectl exec` makes the probe fail, so the pod goes 0/1 and leaves its Service's Endpoints.
describe("an exec readiness probe against the container's files", () => {
  const { cluster, run } = lab();
  run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: pod
  labels:
    app: probed
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "touch /tmp/healthy; sleep 3600"]
    readinessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      periodSeconds: 5
EOF`);
  run("kubectl expose pod pod --port=80");
  run("sleep 30");
  const ip = () => cluster.api.get<Pod>("pods", "default", "pod").status?.podIP;
  const before = {
    pods: run("kubectl get pods").stdout,
    endpoints: run("kubectl get endpoints pod").stdout,
    ip: ip(),
  };
  const rm = run("kubectl exec pod -- rm /tmp/healthy");
  run("sleep 20");

  it("sees the file the container's command wrote, so the pod is Ready and in Endpoints", () => {
    expect(before.pods).toMatch(/^pod\s+1\/1\s+Running\s+0\s/m);
    expect(before.endpoints).toMatch(new RegExp(`^pod\\s+${before.ip}:80\\s`, "m"));
  });

  it("removes the file with kubectl exec rm", () => {
    expect(rm).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(run("kubectl exec pod -- ls /tmp").stdout).toBe("");
  });

  it("shows the pod as 0/1, still Running", () => {
    expect(run("kubectl get pods").stdout).toMatch(/^pod\s+0\/1\s+Running\s+0\s/m);
  });

  it("drops the pod out of kubectl get endpoints", () => {
    // kubectl leaves ENDPOINTS blank when a subset holds only not-ready addresses.
    expect(run("kubectl get endpoints pod").stdout).toMatch(/^pod\s+\d+s$/m);
    const ep = cluster.api.get<Endpoints>("endpoints", "default", "pod");
    expect(ep.subsets?.[0].addresses).toBeUndefined();
    expect(ep.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toEqual([before.ip]);
  });

  it("records the probe's failure with cat's own words", () => {
    const ev = cluster.api
      .list<Event>("events", { namespace: "default" })
      .items.filter((e) => e.involvedObject.name === "pod" && e.reason === "Unhealthy");
    expect(ev.map((e) => e.message)).toEqual([
      "Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    ]);
  });

  it("turns Ready again once the file is back", () => {
    run("kubectl exec pod -- touch /tmp/healthy");
    run("sleep 10");
    expect(run("kubectl get pods").stdout).toMatch(/^pod\s+1\/1\s+Running\s+0\s/m);
    expect(run("kubectl get endpoints pod").stdout).toMatch(new RegExp(`^pod\\s+${before.ip}:80\\s`, "m"));
  });
});
