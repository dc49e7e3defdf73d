// `kubectl logs` and `kubectl exec` go API server → kubelet → containerd; this is that path.
import type { Pod } from "../api/types.ts";
import type { CommandResult, KubeletAccess } from "../kubectl/context.ts";
import { execInContainer, openShellIn, shellLineIn } from "../network/exec.ts";
import type { ExecTarget } from "../node/cri-types.ts";
import type { Cluster } from "./cluster.ts";

type NetworkNode = NonNullable<ReturnType<Cluster["network"]["node"]>>;

/** Kubelet access over a cluster's nodes. */
export function kubeletAccess(cluster: Cluster): KubeletAccess {
  const find = (namespace: string, podName: string, container: string, previous: boolean) => {
    const pod = cluster.api.tryGet<Pod>("pods", namespace, podName);
    if (!pod) return { error: `pods "${podName}" not found` };
    const spec = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find(
      (c) => c.name === container,
    );
    if (!spec) return { error: `container ${container} is not valid for pod ${podName}` };
    // The API server answers before any kubelet: an unscheduled pod's logs are empty, its exec a 400.
    if (!pod.spec.nodeName) return { unassigned: `pod ${podName} does not have a host assigned` };
    const node = pod.spec.nodeName ? cluster.nodes.get(pod.spec.nodeName) : undefined;
    const status = [
      ...(pod.status?.containerStatuses ?? []),
      ...(pod.status?.initContainerStatuses ?? []),
    ].find((s) => s.name === container);
    const idOf = (cid?: string) => cid?.replace(/^containerd:\/\//, "");
    if (previous) {
      const id = idOf(status?.lastState?.terminated?.containerID);
      if (!id || !node)
        return { error: `previous terminated container "${container}" in pod "${podName}" not found` };
      return { node, id };
    }
    const id = idOf(status?.containerID);
    if (!node || !id) {
      const reason = status?.state?.waiting?.reason ?? "ContainerCreating";
      return { error: `container "${container}" in pod "${podName}" is waiting to start: ${reason}` };
    }
    return { node, id };
  };
  // A running container's exec target and its node in the network model, or kubectl's upgrade error.
  const reach = (
    namespace: string,
    podName: string,
    container: string,
  ): { failed: CommandResult } | { target: ExecTarget; node: NetworkNode } => {
    const f = find(namespace, podName, container, false);
    if ("unassigned" in f)
      return {
        failed: { stdout: "", stderr: `Error from server (BadRequest): ${f.unassigned}\n`, exitCode: 1 },
      };
    if ("error" in f) {
      const failed = { stdout: "", stderr: `error: unable to upgrade connection: ${f.error}\n`, exitCode: 1 };
      return { failed };
    }
    return {
      target: f.node.machine.containerd.execTarget(f.id),
      node: cluster.network.node(f.node.name)!,
    };
  };
  return {
    logs(namespace, podName, container, opts) {
      const f = find(namespace, podName, container, !!opts.previous);
      if ("unassigned" in f) return { text: "" };
      if ("error" in f) return { error: f.error as string };
      let lines = f.node.machine.containerd.containerLogs(f.id);
      if (opts.tail !== undefined && opts.tail >= 0)
        lines = lines.slice(Math.max(0, lines.length - opts.tail));
      const text = lines
        .map((l) =>
          opts.timestamps
            ? `${new Date(l.time).toISOString().replace("Z", "000000Z")} ${l.text}\n`
            : `${l.text}\n`,
        )
        .join("");
      return { text };
    },
    exec(namespace, podName, container, argv, stdin): CommandResult {
      const r = reach(namespace, podName, container);
      if ("failed" in r) return r.failed;
      return execInContainer(cluster.network, r.node, r.target, argv, stdin ?? "", cluster.loop.now());
    },
    openShell(namespace, podName, container, shell) {
      const r = reach(namespace, podName, container);
      if ("failed" in r) return r.failed;
      return openShellIn(cluster.network, r.node, r.target, shell, cluster.loop.now());
    },
    shellLine(namespace, podName, container, pid, line) {
      const r = reach(namespace, podName, container);
      if ("failed" in r) return { ...r.failed, prompt: "", ended: true };
      return shellLineIn(cluster.network, r.node, r.target, pid, line, cluster.loop.now());
    },
    closeStdin(namespace, podName, container, code) {
      const f = find(namespace, podName, container, false);
      if ("error" in f || "unassigned" in f) return;
      const target = f.node.machine.containerd.execTarget(f.id);
      if (f.node.machine.processes.get(target.pid))
        f.node.machine.processes.exit(target.pid, code, cluster.loop.now());
    },
  };
}
