import { describe, expect, it } from "vitest";
import type { ContainerStatus, Event, Pod } from "../../sandbox/api/types.ts";
import { type Lab, lab } from "./support.ts";

function pod(l: Lab, name: string): Pod {
  return l.cluster.api.get<Pod>("pods", "default", name);
}

function init(l: Lab, name: string, c: string): ContainerStatus {
  return pod(l, name).status!.initContainerStatuses!.find((s) => s.name === c)!;
}

function events(l: Lab, name: string, reason: string): Event[] {
  return l.cluster.api
    .list<Event>("events", { namespace: "default" })
    .items.filter((e) => e.involvedObject.name === name && e.reason === reason);
}

function apply(l: Lab, yaml: string): { stdout: string; stderr: string; exitCode: number } {
  return l.run(`kubectl apply -f - <<EOF\n${yaml}\nEOF`);
}

const podYaml = (
  name: string,
  inits: string,
  app = `  - name: main\n    image: busybox\n    command: ["sleep", "3600"]`,
) =>
  `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  initContainers:
${inits}
  containers:
${app}`;

const sidecar = (name: string, cmd: string, extra = "") =>
  `  - name: ${name}
    image: busybox
    restartPolicy: Always
    command: ["sh", "-c", "${cmd}"]${extra}`;

describe("native sidecar containers", () => {
  it("runs a sidecar beside the app and counts it in READY", () => {
    const l = lab();
    apply(l, podYaml("sc", sidecar("side", "sleep 3600")));
    l.run("sleep 20");
    expect(l.run("kubectl get pod sc").stdout).toMatch(/^sc\s+2\/2\s+Running\s+0\s+20s$/m);
    const side = init(l, "sc", "side");
    expect(side.started).toBe(true);
    expect(side.ready).toBe(true);
    expect(side.state?.running).toBeDefined();
    expect(pod(l, "sc").status!.phase).toBe("Running");
  });

  it("starts the next init container only once the sidecar has started", () => {
    const l = lab();
    apply(
      l,
      podYaml(
        "order",
        `${sidecar("side", "sleep 3600")}\n  - name: setup\n    image: busybox\n    command: ["sh", "-c", "echo ok"]`,
      ),
    );
    l.run("sleep 20");
    const started = (c: string) =>
      Date.parse(
        events(l, "order", "Started").find((e) => e.message === `Started container ${c}`)!.firstTimestamp!,
      );
    expect(started("side")).toBeLessThanOrEqual(started("setup"));
    expect(started("setup")).toBeLessThanOrEqual(started("main"));
    expect(init(l, "order", "setup").state?.terminated?.reason).toBe("Completed");
    expect(init(l, "order", "side").state?.running).toBeDefined();
  });

  it("holds the app containers until the sidecar's startup probe succeeds", () => {
    const l = lab();
    const probe = `\n    startupProbe:\n      exec:\n        command: ["cat", "/tmp/up"]\n      periodSeconds: 2\n      failureThreshold: 30`;
    apply(l, podYaml("gated", sidecar("side", "sleep 15; touch /tmp/up; sleep 3600", probe)));
    l.run("sleep 10");
    expect(init(l, "gated", "side").started).toBe(false);
    expect(pod(l, "gated").status!.containerStatuses![0].state?.waiting?.reason).toBe("PodInitializing");
    expect(l.run("kubectl get pod gated").stdout).toMatch(/gated\s+0\/2\s+Init:0\/1/);
    l.run("sleep 20");
    expect(init(l, "gated", "side").started).toBe(true);
    expect(l.run("kubectl get pod gated").stdout).toMatch(/gated\s+2\/2\s+Running/);
  });

  it("restarts an exited sidecar with back-off and counts it in RESTARTS", () => {
    const l = lab();
    apply(l, podYaml("flaky", sidecar("side", "sleep 5; exit 1")));
    l.run("sleep 60");
    const side = init(l, "flaky", "side");
    expect(side.restartCount).toBeGreaterThanOrEqual(2);
    expect(side.lastState?.terminated?.exitCode).toBe(1);
    expect(events(l, "flaky", "BackOff")[0].message).toMatch(
      /^Back-off restarting failed container side in pod flaky_default\(/,
    );
    // The app container keeps running throughout.
    const main = pod(l, "flaky").status!.containerStatuses![0];
    expect(main.restartCount).toBe(0);
    expect(main.state?.running).toBeDefined();
    expect(l.run("kubectl get pod flaky").stdout).toMatch(
      new RegExp(`flaky\\s+\\d/2\\s+\\S+\\s+${side.restartCount} \\(`),
    );
  });

  it("lists an unready sidecar in the Ready condition's message", () => {
    const l = lab();
    const probe = `\n    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/nope"]\n      periodSeconds: 2`;
    apply(l, podYaml("unready", sidecar("side", "sleep 3600", probe)));
    l.run("sleep 20");
    const ready = pod(l, "unready").status!.conditions!.find((c) => c.type === "Ready")!;
    expect(ready.message).toBe("containers with unready status: [side]");
    expect(l.run("kubectl get pod unready").stdout).toMatch(/unready\s+1\/2\s+Running/);
  });

  it("stops the sidecar only after the app containers on deletion", () => {
    const l = lab();
    apply(l, podYaml("bye", sidecar("side", "sleep 3600")));
    l.run("sleep 20");
    l.run("kubectl delete pod bye --wait=false");
    l.run("sleep 1");
    expect(events(l, "bye", "Killing").map((e) => e.message)).toEqual([
      "Stopping container main",
      "Stopping container side",
    ]);
    // The app container ignores SIGTERM (sleep as PID 1) and lasts its grace period; the sidecar waits.
    expect(pod(l, "bye").status!.containerStatuses![0].state?.running).toBeDefined();
    expect(init(l, "bye", "side").state?.running).toBeDefined();
    // SIGKILL after 30 s ends the app; only then does the sidecar get its SIGTERM, with the 2 s floor.
    l.run("sleep 30");
    expect(pod(l, "bye").status!.containerStatuses![0].state?.terminated?.exitCode).toBe(137);
    expect(init(l, "bye", "side").state?.running).toBeDefined();
    l.run("sleep 3");
    expect(l.cluster.api.tryGet<Pod>("pods", "default", "bye")).toBeUndefined();
  });

  it("stops the sidecar when the app containers finish under restartPolicy Never", () => {
    const l = lab();
    apply(
      l,
      podYaml(
        "job",
        sidecar("side", "sleep 3600"),
        `  - name: main\n    image: busybox\n    command: ["sh", "-c", "sleep 5"]\n  restartPolicy: Never`,
      ),
    );
    l.run("sleep 60");
    expect(pod(l, "job").status!.phase).toBe("Succeeded");
    expect(init(l, "job", "side").state?.terminated).toBeDefined();
    expect(init(l, "job", "side").restartCount).toBe(0);
  });
});

describe("sidecar restartPolicy validation", () => {
  it("rejects restartPolicy on an app container", () => {
    const l = lab();
    const r = apply(
      l,
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: main\n    image: busybox\n    restartPolicy: Always`,
    );
    expect(r.stderr).toBe(
      'The Pod "bad" is invalid: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers\n',
    );
  });

  it("rejects a restartPolicy other than Always on an init container", () => {
    const l = lab();
    const r = apply(l, podYaml("bad", "  - name: i\n    image: busybox\n    restartPolicy: OnFailure"));
    expect(r.stderr).toBe(
      'The Pod "bad" is invalid: spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n',
    );
  });
});
