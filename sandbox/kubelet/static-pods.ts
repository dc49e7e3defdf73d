// Static pods: manifests the kubelet runs from its own directory, mirrored into the API so that
// `kubectl get pods -n kube-system` shows them as `<name>-<node>`.

import { parseAllDocuments } from "yaml";
import { MIRROR_ANNOTATION } from "../api/mirror-pod.ts";
import type { Node, Pod } from "../api/types.ts";
import { fnv32a } from "../util/fnv.ts";
import { goYamlMessage } from "../util/go-yaml-errors.ts";
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

/** One manifest as the kubelet's file source reads it: its pod's key and config hash, or the error. */
export type StaticManifest =
  | { ok: true; namespace: string; name: string; hash: string }
  | { ok: false; error: string };

const SCHEME = "pkg/api/legacyscheme/scheme.go:30";

/** Decode a manifest file as tryDecodeSinglePod does, with the error text the kubelet logs. */
export function decodeManifest(yaml: string, file: string, path: string): StaticManifest {
  const refused = (why: string): StaticManifest => ({
    ok: false,
    error: `${path}: couldn't parse as pod(${why}), please check config file`,
  });
  let value: unknown;
  try {
    value = parseYamlDocuments(yaml)[0];
  } catch {
    const doc = parseAllDocuments(yaml, { version: "1.1" }).find((d) => d.errors.length > 0);
    return refused(`yaml: ${doc ? goYamlMessage(doc.errors, 0) : "line 1: did not find expected key"}`);
  }
  const obj = (value ?? null) as Pod | null;
  const json = JSON.stringify(obj ?? null);
  if (obj === null || typeof obj !== "object" || !obj.kind)
    return refused(`Object 'Kind' is missing in '${json}'`);
  if (!obj.apiVersion) return refused(`Object 'apiVersion' is missing in '${json}'`);
  // The model refuses every other kind alike; the kubelet decodes kinds it knows (Deployment...) and prints them.
  if (obj.kind !== "Pod" || obj.apiVersion !== "v1")
    return refused(
      `no kind "${obj.kind}" is registered for version "${obj.apiVersion}" in scheme "${SCHEME}"`,
    );
  if (!obj.spec?.containers?.length)
    return { ok: false, error: "invalid pod: [spec.containers: Required value]" };
  const hash = configHash(yaml, file);
  return {
    ok: true,
    namespace: obj.metadata?.namespace ?? "default",
    name: obj.metadata?.name ?? hash,
    hash,
  };
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
  if (pod?.kind !== "Pod") return undefined;
  const hash = configHash(yaml, file);
  // applyDefaults names a nameless static pod after its uid.
  pod.metadata = { ...pod.metadata, name: pod.metadata?.name ?? hash };
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
