import { describe, expect, it } from "vitest";
import type { ContainerStatus, Pod } from "../../sandbox/api/types.ts";
import { podStatusCells } from "../../sandbox/kubectl/printers/index.ts";
import { ago, NOW } from "./fixtures.ts";

function cs(
  name: string,
  state: ContainerStatus["state"],
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return { name, image: name, imageID: "", ready: false, restartCount: 0, state, ...extra };
}

function pod(
  p: Partial<Pod["status"]> & { containers?: string[]; init?: string[]; deleting?: boolean },
): Pod {
  const { containers = ["app"], init, deleting, ...status } = p;
  return {
    metadata: { name: "p", creationTimestamp: ago(60), deletionTimestamp: deleting ? ago(1) : undefined },
    spec: {
      containers: containers.map((name) => ({ name })),
      initContainers: init?.map((name) => ({ name })),
    },
    status,
  };
}

const cells = (p: Pod) => podStatusCells(p, NOW);
const running = { running: { startedAt: ago(30) } };

// FIDELITY §9.1 test vectors.
describe("pod STATUS and READY", () => {
  it("prints Pending with no container statuses", () => {
    expect(cells(pod({ phase: "Pending" }))).toMatchObject({ status: "Pending", ready: "0/1" });
  });

  it("prints SchedulingGated from the PodScheduled condition", () => {
    const p = pod({
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
    });
    expect(cells(p)).toMatchObject({ status: "SchedulingGated", ready: "0/1" });
  });

  it("prints the waiting reason ContainerCreating", () => {
    const p = pod({
      phase: "Pending",
      containerStatuses: [cs("app", { waiting: { reason: "ContainerCreating" } })],
    });
    expect(cells(p)).toMatchObject({ status: "ContainerCreating", ready: "0/1" });
  });

  it("prints Init:0/2 while the first of two init containers runs", () => {
    const p = pod({
      phase: "Pending",
      init: ["a", "b"],
      initContainerStatuses: [cs("a", running), cs("b", { waiting: { reason: "PodInitializing" } })],
      containerStatuses: [cs("app", { waiting: { reason: "PodInitializing" } })],
    });
    expect(cells(p)).toMatchObject({ status: "Init:0/2", ready: "0/1" });
  });

  it("prints Init:CrashLoopBackOff for a waiting init container", () => {
    const p = pod({
      phase: "Pending",
      init: ["a"],
      initContainerStatuses: [cs("a", { waiting: { reason: "CrashLoopBackOff" } })],
    });
    expect(cells(p)).toMatchObject({ status: "Init:CrashLoopBackOff", ready: "0/1" });
  });

  it("prints Init:Error for an init container that exited 1 with reason Error", () => {
    const p = pod({
      phase: "Pending",
      init: ["a"],
      initContainerStatuses: [cs("a", { terminated: { exitCode: 1, reason: "Error" } })],
    });
    expect(cells(p)).toMatchObject({ status: "Init:Error", ready: "0/1" });
  });

  it("prints ExitCode:137 for a container terminated without a reason", () => {
    const p = pod({ phase: "Running", containerStatuses: [cs("app", { terminated: { exitCode: 137 } })] });
    expect(cells(p)).toMatchObject({ status: "ExitCode:137", ready: "0/1" });
  });

  it("lets the lowest-index container report: CrashLoopBackOff over a running sibling", () => {
    const p = pod({
      phase: "Running",
      containers: ["a", "b"],
      containerStatuses: [
        cs("a", { waiting: { reason: "CrashLoopBackOff" } }),
        cs("b", running, { ready: true }),
      ],
    });
    expect(cells(p)).toMatchObject({ status: "CrashLoopBackOff", ready: "1/2" });
  });

  it("turns Completed into NotReady while a sibling runs and the Ready condition is False", () => {
    const p = pod({
      phase: "Running",
      containers: ["a", "b"],
      conditions: [{ type: "Ready", status: "False" }],
      containerStatuses: [
        cs("a", { terminated: { exitCode: 0, reason: "Completed" } }),
        cs("b", running, { ready: true }),
      ],
    });
    expect(cells(p)).toMatchObject({ status: "NotReady", ready: "1/2" });
  });

  it("turns Completed into Running while a sibling runs and the pod is Ready", () => {
    const p = pod({
      phase: "Running",
      containers: ["a", "b"],
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [
        cs("a", { terminated: { exitCode: 0, reason: "Completed" } }),
        cs("b", running, { ready: true }),
      ],
    });
    expect(cells(p).status).toBe("Running");
  });

  it("prints Terminating for a running pod with a deletionTimestamp", () => {
    const p = pod({
      phase: "Running",
      deleting: true,
      containerStatuses: [cs("app", running, { ready: true })],
    });
    expect(cells(p)).toMatchObject({ status: "Terminating", ready: "1/1" });
  });

  it("keeps Completed for a Succeeded pod with a deletionTimestamp", () => {
    const p = pod({
      phase: "Succeeded",
      deleting: true,
      containerStatuses: [cs("app", { terminated: { exitCode: 0, reason: "Completed" } })],
    });
    expect(cells(p)).toMatchObject({ status: "Completed", ready: "0/1" });
  });

  it("prints Unknown for a deleted pod whose reason is NodeLost", () => {
    const p = pod({ phase: "Running", reason: "NodeLost", deleting: true });
    expect(cells(p).status).toBe("Unknown");
  });

  it("prints the pod reason Evicted for a Failed pod", () => {
    const p = pod({ phase: "Failed", reason: "Evicted" });
    expect(cells(p)).toMatchObject({ status: "Evicted", ready: "0/1" });
  });

  it("counts a started sidecar init container toward READY and the total", () => {
    const p = pod({ phase: "Running", containerStatuses: [cs("app", running, { ready: true })] });
    p.spec.initContainers = [{ name: "proxy", restartPolicy: "Always" }];
    p.status!.initContainerStatuses = [cs("proxy", running, { ready: true, started: true })];
    expect(cells(p)).toMatchObject({ status: "Running", ready: "2/2" });
  });
});

describe("pod RESTARTS", () => {
  it("prints N (<age> ago) from the latest lastState.terminated.finishedAt", () => {
    const p = pod({
      phase: "Running",
      containerStatuses: [
        cs(
          "app",
          { waiting: { reason: "CrashLoopBackOff" } },
          {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(25) } },
          },
        ),
      ],
    });
    expect(cells(p).restarts).toBe("3 (25s ago)");
  });

  it("prints a bare count when no finish time is known", () => {
    const p = pod({
      phase: "Running",
      containerStatuses: [cs("app", running, { ready: true, restartCount: 2 })],
    });
    expect(cells(p).restarts).toBe("2");
  });

  it("prints 0 without an age", () => {
    const p = pod({ phase: "Running", containerStatuses: [cs("app", running, { ready: true })] });
    expect(cells(p).restarts).toBe("0");
  });

  it("sums only the init containers walked so far while initializing", () => {
    const p = pod({
      phase: "Pending",
      init: ["a", "b"],
      initContainerStatuses: [
        cs("a", { waiting: { reason: "CrashLoopBackOff" } }, { restartCount: 4 }),
        cs("b", { waiting: {} }, { restartCount: 7 }),
      ],
      containerStatuses: [cs("app", { waiting: { reason: "PodInitializing" } }, { restartCount: 9 })],
    });
    expect(cells(p)).toMatchObject({ status: "Init:CrashLoopBackOff", restarts: "4" });
  });
});
