// The cluster state a diagram is drawn from, and small readings of it shared by the views.
import type { EndpointSlice, Node, Pod, Service } from "../api/types.ts";

/** The API objects a diagram reads. */
export interface DiagramSnapshot {
  nodes: Node[];
  pods: Pod[];
  services: Service[];
  endpointSlices: EndpointSlice[];
}

/** An error for a view or object that does not exist; the message is what the user sees. */
export class DiagramError extends Error {}

/** Whether the node carries kubeadm's control-plane role label. */
export function isControlPlane(node: Node): boolean {
  return node.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined;
}

/** The node's Ready condition as kubectl shows it: Ready, NotReady or Unknown. */
export function readiness(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === "Ready");
  const state = ready?.status === "True" ? "Ready" : "NotReady";
  return node.spec.unschedulable ? `${state},SchedulingDisabled` : state;
}

/** The node's InternalIP. */
export function nodeIP(node: Node): string {
  return node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "<no address>";
}

/** The pod's IP, or a placeholder while it has none. */
export function podIP(pod: Pod): string {
  return pod.status?.podIP ?? "<no IP yet>";
}

/** `namespace/name` of an object. */
export function ref(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace ?? "default"}/${obj.metadata.name ?? ""}`;
}

/** Order objects by namespace, then name. */
export function byRef<T extends { metadata: { namespace?: string; name?: string } }>(items: T[]): T[] {
  return [...items].sort((a, b) => (ref(a) < ref(b) ? -1 : ref(a) > ref(b) ? 1 : 0));
}

/** Find a namespaced object by `ns/name` (or `name` in default), or throw a DiagramError naming it. */
export function findByRef<T extends { metadata: { namespace?: string; name?: string } }>(
  items: T[],
  arg: string | undefined,
  what: string,
  view: string,
): T {
  if (!arg) throw new DiagramError(`diagram ${view} needs an object: diagram ${view} <namespace>/<name>`);
  const [ns, name] = arg.includes("/") ? arg.split("/", 2) : ["default", arg];
  const found = items.find((o) => (o.metadata.namespace ?? "default") === ns && o.metadata.name === name);
  if (!found) throw new DiagramError(`${what} "${name}" not found in namespace "${ns}"`);
  return found;
}
