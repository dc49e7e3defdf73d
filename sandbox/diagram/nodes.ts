// The `nodes` view: every node as a box listing the pods bound to it and their IPs.
import type { Node, Pod } from "../api/types.ts";
import { box, boxInner, columns } from "./box.ts";
import { byRef, type DiagramSnapshot, isControlPlane, nodeIP, podIP, readiness, ref } from "./snapshot.ts";

/** A node's box title: name, address, role and readiness. */
export function nodeTitle(node: Node): string {
  const role = isControlPlane(node) ? "  [control plane]" : "";
  return `${node.metadata.name}  ${nodeIP(node)}${role}  ${readiness(node)}`;
}

/** One line per pod on the node: namespace/name, IP, and a note for host-network pods. */
export function podLines(pods: Pod[]): string[] {
  if (pods.length === 0) return ["(no pods)"];
  return columns(byRef(pods).map((p) => [ref(p), podIP(p), p.spec.hostNetwork ? "(hostNetwork)" : ""])).map(
    (l) => l.trimEnd(),
  );
}

/** Draw the `nodes` view. */
export function renderNodes(snap: DiagramSnapshot): string {
  const nodes = [...snap.nodes].sort(
    (a, b) =>
      Number(isControlPlane(b)) - Number(isControlPlane(a)) ||
      (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""),
  );
  if (nodes.length === 0) return "(no nodes)\n";
  const parts = nodes.map((n) => {
    const cidr = n.spec.podCIDR ? [`pod CIDR ${n.spec.podCIDR}`, ""] : [];
    return {
      title: nodeTitle(n),
      body: [...cidr, ...podLines(snap.pods.filter((p) => p.spec.nodeName === n.metadata.name))],
    };
  });
  const width = Math.max(...parts.map((p) => boxInner(p.title, p.body)));
  const out = parts.flatMap((p) => [...box(p.title, p.body, width), ""]);
  const unscheduled = snap.pods.filter((p) => !p.spec.nodeName);
  if (unscheduled.length) out.push(...box("not scheduled yet (Pending)", podLines(unscheduled), width), "");
  return `${out.join("\n").trimEnd()}\n`;
}
