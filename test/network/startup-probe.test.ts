import { describe, expect, it } from "vitest";
import type { ContainerStatus, Event, Pod } from "../../sandbox/api/types.ts";
import { applyPod, type Lab, lab } from "./support.ts";

function status(l: Lab, name: string): ContainerStatus {
  return l.cluster.api.get<Pod>("pods", "default", name).status!.containerStatuses![0];
}

function events(l: Lab, name: string, reason: string): Event[] {
  return l.cluster.api
    .list<Event>("events", { namespace: "default" })
    .items.filter((e) => e.involvedObject.name === name && e.reason === reason);
}

function apply(l: Lab, name: string, script: string, probes: string): void {
  applyPod(
    l,
    name,
    `  terminationGracePeriodSeconds: 5
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "${script}"]
${probes}`,
  );
}

const startup = (file: string, period: number, failures: number) =>
  `    startupProbe:\n      exec:\n        command: ["cat", "${file}"]\n      periodSeconds: ${period}\n      failureThreshold: ${failures}`;

describe("startup probes", () => {
  it("reports the container started only once the startup probe succeeds", () => {
    const l = lab();
    apply(l, "warm", "sleep 12; touch /tmp/up; sleep 3600", startup("/tmp/up", 5, 10));
    l.run("sleep 8");
    expect(status(l, "warm").state?.running).toBeDefined();
    expect(status(l, "warm").started).toBe(false);
    expect(status(l, "warm").ready).toBe(false);
    expect(l.run("kubectl get pod warm").stdout).toMatch(/warm\s+0\/1\s+Running\s+0/);
    l.run("sleep 10");
    expect(status(l, "warm").started).toBe(true);
    expect(status(l, "warm").ready).toBe(true);
  });

  it("holds liveness and readiness probes back until the container has started", () => {
    const l = lab();
    const probes = `${startup("/tmp/up", 5, 10)}
    livenessProbe:
      exec:
        command: ["cat", "/tmp/alive"]
      periodSeconds: 2
    readinessProbe:
      exec:
        command: ["cat", "/tmp/ready"]
      periodSeconds: 2`;
    apply(l, "gated", "sleep 20; touch /tmp/up; sleep 3600", probes);
    l.run("sleep 15");
    const unhealthy = () => events(l, "gated", "Unhealthy").map((e) => e.message!.split(":")[0]);
    expect(new Set(unhealthy())).toEqual(new Set(["Startup probe failed"]));
    l.run("sleep 15");
    expect(unhealthy()).toContain("Liveness probe failed");
    expect(unhealthy()).toContain("Readiness probe failed");
  });

  it("kills and restarts the container after failureThreshold failed runs", () => {
    const l = lab();
    apply(l, "stuck", "sleep 3600", startup("/tmp/never", 5, 3));
    l.run("sleep 14");
    expect(events(l, "stuck", "Killing")).toEqual([]);
    l.run("sleep 3");
    const [unhealthy] = events(l, "stuck", "Unhealthy");
    expect(unhealthy.type).toBe("Warning");
    expect(unhealthy.message).toBe(
      "Startup probe failed: cat: can't open '/tmp/never': No such file or directory\n",
    );
    expect(unhealthy.count).toBe(3);
    expect(events(l, "stuck", "Killing")[0].message).toBe(
      "Container main failed startup probe, will be restarted",
    );
    l.run("sleep 10");
    expect(status(l, "stuck").restartCount).toBe(1);
    expect(status(l, "stuck").lastState?.terminated?.exitCode).toBe(137);
  });
});
