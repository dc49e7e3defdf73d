// The `cluster` view: the control plane's components above the worker nodes that talk to it.
import type { Node, Pod } from "../api/types.ts";
import { box, columns } from "./box.ts";
import { type DiagramSnapshot, isControlPlane, nodeIP, readiness } from "./snapshot.ts";

const STATIC = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

function staticPods(node: Node, pods: Pod[]): string {
  const names = STATIC.map((c) => {
    const pod = pods.find(
      (p) => p.metadata.namespace === "kube-system" && p.metadata.name === `${c}-${node.metadata.name}`,
    );
    return pod ? c : `${c} (missing)`;
  });
  return names.join(", ");
}

function agents(node: Node, pods: Pod[]): string {
  const onNode = pods.filter(
    (p) => p.spec.nodeName === node.metadata.name && p.metadata.namespace === "kube-system",
  );
  const proxy = onNode.some((p) => p.metadata.name?.startsWith("kube-proxy-")) ? ", kube-proxy (pod)" : "";
  return `kubelet, containerd (systemd)${proxy}`;
}

/** Draw the `cluster` view. */
export function renderCluster(snap: DiagramSnapshot): string {
  const planes = snap.nodes.filter(isControlPlane);
  const workers = snap.nodes
    .filter((n) => !isControlPlane(n))
    .sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""));
  const count = (n: Node) => snap.pods.filter((p) => p.spec.nodeName === n.metadata.name).length;
  const out: string[] = [];
  for (const cp of planes) {
    const body = columns([
      ["static pods:", staticPods(cp, snap.pods)],
      ["agents:", agents(cp, snap.pods)],
      ["pods:", `${count(cp)} running here`],
    ]);
    out.push(...box(`control plane: ${cp.metadata.name}  ${nodeIP(cp)}  ${readiness(cp)}`, body));
    out.push(`      ^  all talk to the API server https://${nodeIP(cp)}:6443`, "      |");
  }
  if (planes.length === 0) out.push("(no control-plane node)", "      |");
  if (workers.length === 0) out.push("      `-- (no worker nodes)");
  const rows = workers.map((w, i) => [
    `      ${i === workers.length - 1 ? "`" : "+"}-- ${w.metadata.name}`,
    nodeIP(w),
    readiness(w),
    `${count(w)} pods`,
    `agents: ${agents(w, snap.pods)}`,
  ]);
  for (const r of rows)
    out.push(
      `${r[0]}  ${r[1]}  ${r[2]}  ${r[3]}`,
      `      ${r === rows[rows.length - 1] ? " " : "|"}       ${r[4]}`,
    );
  return `${out.join("\n")}\n`;
}
