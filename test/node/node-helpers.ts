// Shared helpers for node tests: boot a worker, run a command line, start a pod with one container.
import { runNodeCommand } from "../../sandbox/node/commands.ts";
import type { ContainerConfig } from "../../sandbox/node/cri-types.ts";
import type { Machine } from "../../sandbox/node/machine.ts";
import { bootMachine, type VirtualClock } from "./fixtures.ts";

/** Boot worker node01 (pod CIDR 10.244.1.0/24) with flannel's CNI config in place, so pods can start. */
export function bootWorker(): { m: Machine; clock: VirtualClock } {
  const booted = bootMachine({
    hostname: "node01",
    ip: "172.30.2.2",
    role: "worker",
    podCidr: "10.244.1.0/24",
  });
  booted.m.fs.writeFile("/etc/cni/net.d/10-flannel.conflist", "{}", booted.clock.now);
  return booted;
}

/** Run a space-separated command line on a machine at the clock's time. */
export function sh(m: Machine, clock: VirtualClock, line: string) {
  return runNodeCommand(m, line.split(" "), { now: clock.now });
}

/** Pull an image, then run a sandbox and one started container; returns their IDs. */
export function startPod(
  m: Machine,
  clock: VirtualClock,
  pod: { name: string; namespace?: string; uid: string; hostNetwork?: boolean },
  container: Omit<ContainerConfig, "labels">,
): { sandbox: string; container: string } {
  let pulled = false;
  m.containerd.pullImage(container.image, (err) => {
    if (err) throw new Error(err);
    pulled = true;
  });
  clock.advance(10_000);
  if (!pulled) throw new Error("pull did not finish");
  const namespace = pod.namespace ?? "default";
  const sandbox = m.containerd.runPodSandbox({ ...pod, namespace }, clock.now);
  const labels = { "io.kubernetes.pod.name": pod.name, "io.kubernetes.pod.namespace": namespace };
  const id = m.containerd.createContainer(sandbox, { ...container, labels }, clock.now);
  m.containerd.startContainer(id, clock.now);
  return { sandbox, container: id };
}
