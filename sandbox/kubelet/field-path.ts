// A pod's own fields as a downward API fieldRef names them (the kubelet's fieldpath package), shared by
// environment variables and downwardAPI volumes; each adds the status fields it knows its own way.
import type { Pod } from "../api/types.ts";

/** Give a `metadata.*` or `spec.*` field's value as the kubelet formats it; undefined for any other path. */
export function podField(pod: Pod, path: string): string | undefined {
  const one = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (one) return (one[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[one[2]] ?? "";
  switch (path) {
    case "metadata.name":
      return pod.metadata.name ?? "";
    case "metadata.namespace":
      return pod.metadata.namespace ?? "";
    case "metadata.uid":
      return pod.metadata.uid ?? "";
    case "metadata.labels":
      return sortedLines(pod.metadata.labels);
    case "metadata.annotations":
      return sortedLines(pod.metadata.annotations);
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec.serviceAccountName ?? "";
    default:
      return undefined;
  }
}

// A whole map as the kubelet writes it: key="value" lines sorted by key.
function sortedLines(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join("\n");
}
