// Static pods: manifests the kubelet runs from its own directory, mirrored into the API so that
// `kubectl get pods -n kube-system` shows them as `<name>-<node>`.

import { MIRROR_ANNOTATION } from "../api/mirror-pod.ts";
import type { Node, Pod } from "../api/types.ts";
import { fnv32a } from "../util/fnv.ts";
import { parseYamlDocuments } from "../util/yaml-cache.ts";

// Every boot hashes the same few manifests again; their hashes are remembered by text (bounded).
const hashes = new Map<string, { file: string; hash: string }>();
const HASHES_LIMIT = 32;

function configHash(yaml: string, file: string): string {
  const known = hashes.get(yaml);
  if (known && known.file === file) return known.hash;
  const hash =
    fnv32a(yaml).toString(16).padStart(8, "0") + fnv32a(`${file}${yaml}`).toString(16).padStart(8, "0");
  if (hashes.size >= HASHES_LIMIT) hashes.clear();
  hashes.set(yaml, { file, hash });
  return hash;
}

/** Build the mirror pod for one manifest, or undefined when the file is not a Pod. */
export function mirrorPod(
  yaml: string,
  file: string,
  nodeName: string,
  node: Node | undefined,
  now: number,
): Pod | undefined {
  let pod: Pod;
  try {
    pod = parseYamlDocuments(yaml)[0] as Pod;
  } catch {
    return undefined;
  }
  if (pod?.kind !== "Pod" || !pod.metadata?.name) return undefined;
  const hash = configHash(yaml, file);
  const seen = new Date(now)
    .toISOString()
    .replace("Z", "000000Z")
    .replace(/\.(\d{3})000000Z$/, ".$1000000Z");
  pod.metadata = {
    ...pod.metadata,
    name: `${pod.metadata.name}-${nodeName}`,
    namespace: pod.metadata.namespace ?? "default",
    annotations: {
      ...(pod.metadata.annotations ?? {}),
      "kubernetes.io/config.hash": hash,
      [MIRROR_ANNOTATION]: hash,
      "kubernetes.io/config.seen": seen,
      "kubernetes.io/config.source": "file",
    },
    ...(node
      ? {
          ownerReferences: [
            { apiVersion: "v1", kind: "Node", name: nodeName, uid: node.metadata.uid!, controller: true },
          ],
        }
      : {}),
  };
  delete pod.metadata.creationTimestamp;
  pod.spec = { ...pod.spec, nodeName };
  delete pod.status;
  return pod;
}
