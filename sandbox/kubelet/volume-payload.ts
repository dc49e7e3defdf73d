// What the kubelet's configMap, secret, downwardAPI and projected volume plugins write: a payload of
// relative paths and file contents (MakePayload and collectData in pkg/volume), or the error SetUp reports.
import type { ConfigMap, Pod, Secret, Volume } from "../api/types.ts";
import { podField } from "./field-path.ts";

/** One file of a volume: its content and permission bits. */
export interface PayloadFile {
  content: string;
  mode: number;
}

/** The files of a volume by relative path, or the message `MountVolume.SetUp failed` carries. */
export type PayloadResult = { files: Map<string, PayloadFile> } | { error: string };

/** What the payload builders read: objects through the kubelet's managers, tokens from TokenRequest. */
export interface PayloadSources {
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
  /** Request a token (TokenRequest); returns the error text when the service account is missing. */
  token(pod: Pod, expirationSeconds: number, audience?: string): string | { error: string };
  nodeIP: string;
}

interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}
interface DownwardItem {
  path: string;
  fieldRef?: { fieldPath: string };
  mode?: number;
}
interface ObjectSource {
  name?: string;
  secretName?: string;
  items?: KeyToPath[];
  optional?: boolean;
  defaultMode?: number;
}
interface ProjectionSource {
  configMap?: ObjectSource;
  secret?: ObjectSource;
  downwardAPI?: { items?: DownwardItem[] };
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string };
}

const DEFAULT_MODE = 0o644;

// Secret data is base64 of bytes; the model's files hold text, so the bytes are read as UTF-8.
function decode(b64: string): string {
  const bin = atob(b64);
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

// Keys of a ConfigMap or Secret mapped onto paths: every key, or only the items given.
function keyFiles(
  data: Map<string, string>,
  items: KeyToPath[] | undefined,
  mode: number,
  optional: boolean,
  missingKey: (key: string) => string,
): PayloadResult {
  const files = new Map<string, PayloadFile>();
  if (!items?.length) {
    for (const [k, v] of data) files.set(k, { content: v, mode });
    return { files };
  }
  for (const it of items) {
    const v = data.get(it.key);
    if (v === undefined) {
      if (optional) continue;
      return { error: missingKey(it.key) };
    }
    files.set(it.path, { content: v, mode: it.mode ?? mode });
  }
  return { files };
}

function configMapFiles(src: ObjectSource, pod: Pod, s: PayloadSources, mode: number): PayloadResult {
  const name = src.name ?? "";
  const cm = s.configMap(pod.metadata.namespace ?? "default", name);
  // The kubelet's configmap manager names the resource in the singular.
  if (!cm) return src.optional ? { files: new Map() } : { error: `configmap "${name}" not found` };
  const data = new Map(Object.entries(cm.data ?? {}));
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) data.set(k, decode(v));
  return keyFiles(
    data,
    src.items,
    mode,
    !!src.optional,
    (k) => `configmap references non-existent config key: ${k}`,
  );
}

function secretFiles(src: ObjectSource, pod: Pod, s: PayloadSources, mode: number): PayloadResult {
  const name = src.secretName ?? src.name ?? "";
  const secret = s.secret(pod.metadata.namespace ?? "default", name);
  if (!secret) return src.optional ? { files: new Map() } : { error: `secret "${name}" not found` };
  const data = new Map(Object.entries(secret.data ?? {}).map(([k, v]) => [k, decode(v)]));
  return keyFiles(data, src.items, mode, !!src.optional, (k) => `references non-existent secret key: ${k}`);
}

// A downward API fieldRef as the volume plugin resolves it (the pod's status as stored, the node's IP before).
function downwardField(pod: Pod, path: string, nodeIP: string): string {
  if (path === "status.podIP") return pod.status?.podIP ?? "";
  if (path === "status.hostIP") return pod.status?.hostIP ?? nodeIP;
  return podField(pod, path) ?? "";
}

function downwardFiles(items: DownwardItem[] | undefined, pod: Pod, nodeIP: string, mode: number) {
  const files = new Map<string, PayloadFile>();
  for (const it of items ?? []) {
    // resourceFieldRef (limits and requests) is not modelled; such items are left out.
    if (!it.fieldRef) continue;
    files.set(it.path, { content: downwardField(pod, it.fieldRef.fieldPath, nodeIP), mode: it.mode ?? mode });
  }
  return files;
}

function projectedFiles(src: Record<string, unknown>, pod: Pod, s: PayloadSources): PayloadResult {
  const mode = typeof src.defaultMode === "number" ? src.defaultMode : DEFAULT_MODE;
  const files = new Map<string, PayloadFile>();
  const errors: string[] = [];
  for (const p of (src.sources ?? []) as ProjectionSource[]) {
    let r: PayloadResult | undefined;
    if (p.configMap) r = configMapFiles(p.configMap, pod, s, mode);
    else if (p.secret) r = secretFiles(p.secret, pod, s, mode);
    else if (p.downwardAPI) r = { files: downwardFiles(p.downwardAPI.items, pod, s.nodeIP, mode) };
    else if (p.serviceAccountToken) {
      const t = p.serviceAccountToken;
      const token = s.token(pod, t.expirationSeconds ?? 3600, t.audience);
      r =
        typeof token === "string"
          ? { files: new Map([[t.path, { content: token, mode }]]) }
          : { error: `failed to fetch token: ${token.error}` };
    }
    if (!r) continue;
    if ("error" in r) errors.push(r.error);
    else for (const [k, v] of r.files) files.set(k, v);
  }
  // utilerrors.NewAggregate prints one error as itself and several in brackets.
  if (errors.length === 1) return { error: errors[0] };
  if (errors.length > 1) return { error: `[${errors.join(", ")}]` };
  return { files };
}

/** The plugin directory a volume's files live under, or null when it is not an API-data volume. */
export function apiVolumeKind(v: Volume): string | null {
  if (v.configMap) return "kubernetes.io~configmap";
  if (v.secret) return "kubernetes.io~secret";
  if (v.projected) return "kubernetes.io~projected";
  if (v.downwardAPI) return "kubernetes.io~downward-api";
  return null;
}

/** Build a configMap, secret, downwardAPI or projected volume's payload for a pod. */
export function volumePayload(pod: Pod, v: Volume, s: PayloadSources): PayloadResult {
  const modeOf = (src: { defaultMode?: number }) => src.defaultMode ?? DEFAULT_MODE;
  if (v.configMap) {
    const src = v.configMap as ObjectSource;
    return configMapFiles(src, pod, s, modeOf(src));
  }
  if (v.secret) {
    const src = v.secret as ObjectSource;
    return secretFiles(src, pod, s, modeOf(src));
  }
  if (v.downwardAPI) {
    const src = v.downwardAPI as { items?: DownwardItem[]; defaultMode?: number };
    return { files: downwardFiles(src.items, pod, s.nodeIP, modeOf(src)) };
  }
  if (v.projected) return projectedFiles(v.projected as Record<string, unknown>, pod, s);
  return { files: new Map() };
}
