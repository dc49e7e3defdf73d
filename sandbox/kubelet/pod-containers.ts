// Small lookups shared by the pod worker's parts: a record's spec, its event field path, its restart rule.
import type { Container } from "../api/types.ts";
import type { ContainerRecord, PodRecord } from "./pod-state.ts";

/** The spec of the container a record tracks. */
export function specOf(rec: PodRecord, c: ContainerRecord): Container {
  const list = c.init ? (rec.pod.spec.initContainers ?? []) : rec.pod.spec.containers;
  // A loop, not find: called on every container step, where a callback is one more allocation.
  for (let i = 0; i < list.length; i++) if (list[i].name === c.name) return list[i];
  return undefined as unknown as Container;
}

/** The event field path of a container: `spec.containers{web}` or `spec.initContainers{setup}`. */
export function fieldPath(c: ContainerRecord): string {
  return `spec.${c.init ? "initContainers" : "containers"}{${c.name}}`;
}

/** Name a pod as the kubelet's format.Pod does: `name_namespace(uid)`. */
export function podName(rec: PodRecord): string {
  return `${rec.pod.metadata.name}_${rec.pod.metadata.namespace}(${rec.uid})`;
}

/** Whether an exited container is started again (ShouldContainerBeRestarted). */
export function restartWanted(rec: PodRecord, c: ContainerRecord): boolean {
  // A sidecar is restarted whatever the pod's policy, as long as the pod is not finishing.
  if (c.sidecar) return !rec.terminal && !rec.killing;
  const policy = rec.pod.spec.restartPolicy ?? "Always";
  // Killed by the kubelet (failed probe or hook): restarted unless the policy is Never, whatever the exit code.
  if (c.kubeletKilled) return policy !== "Never";
  return policy === "Always" || (policy === "OnFailure" && c.exitCode !== 0);
}
