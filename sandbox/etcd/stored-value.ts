// The bytes the API server would have written to etcd for a stored object.
// Built-in kinds: `k8s\0` + a runtime.Unknown envelope holding TypeMeta and the object in protobuf, as kube-apiserver
// stores them. CRDs, APIServices and custom resources: JSON, as the real server stores them.
// Deviation: the inner message is a protobuf-shaped encoding of the JSON fields (field numbers follow a small table,
// else alphabetical order), so it is recognizable but not byte-identical to Kubernetes' generated protobuf.
import { ProtoWriter } from "./protobuf-writer.ts";

const utf8 = new TextEncoder();
const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00); // "k8s\0"

// metav1.ObjectMeta field numbers, from Kubernetes' generated.proto.
const OBJECT_META: Record<string, number> = {
  name: 1,
  generateName: 2,
  namespace: 3,
  selfLink: 4,
  uid: 5,
  resourceVersion: 6,
  generation: 7,
  creationTimestamp: 8,
  deletionTimestamp: 9,
  deletionGracePeriodSeconds: 10,
  labels: 11,
  annotations: 12,
  ownerReferences: 13,
  finalizers: 14,
  managedFields: 17,
};
// ObjectMeta string fields that generated code writes even when empty.
const META_ALWAYS = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"];
const TOP_LEVEL: Record<string, number> = { metadata: 1, spec: 2, status: 3 };
const MAP_FIELDS = new Set([
  "labels",
  "annotations",
  "nodeSelector",
  "matchLabels",
  "data",
  "binaryData",
  "stringData",
  "capacity",
  "allocatable",
  "requests",
  "limits",
  "selector",
  "parameters",
]);
const INT_OR_STRING = new Set(["targetPort", "maxSurge", "maxUnavailable"]);
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Whether the API server stores this apiVersion as JSON rather than protobuf. */
export function storedAsJson(apiVersion: string): boolean {
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  if (group === "apiextensions.k8s.io" || group === "apiregistration.k8s.io") return true;
  return group.includes(".") && !group.endsWith(".k8s.io");
}

/** Encode a stored value as the bytes etcdctl would read. */
export function storedValueBytes(value: unknown): Uint8Array {
  if (value === undefined) return new Uint8Array();
  if (typeof value === "string") return utf8.encode(value);
  const obj = value as { apiVersion?: unknown; kind?: unknown };
  if (
    typeof obj !== "object" ||
    obj === null ||
    typeof obj.apiVersion !== "string" ||
    typeof obj.kind !== "string" ||
    storedAsJson(obj.apiVersion)
  ) {
    return utf8.encode(`${JSON.stringify(value)}\n`);
  }
  const typeMeta = new ProtoWriter().string(1, obj.apiVersion).string(2, obj.kind).finish();
  const raw = encodeObject(value as Record<string, unknown>);
  const unknown = new ProtoWriter().bytes(1, typeMeta).bytes(2, raw).string(3, "").string(4, "").finish();
  return new ProtoWriter().raw(MAGIC).raw(unknown).finish();
}

function encodeObject(obj: Record<string, unknown>): Uint8Array {
  const w = new ProtoWriter();
  const rest = Object.keys(obj)
    .filter((k) => !(k in TOP_LEVEL) && k !== "apiVersion" && k !== "kind")
    .sort();
  const order = [...Object.keys(TOP_LEVEL).filter((k) => k in obj), ...rest];
  order.forEach((k, i) => {
    const field = TOP_LEVEL[k] ?? 4 + i;
    if (k === "metadata") w.bytes(field, encodeMeta(obj[k] as Record<string, unknown>));
    else writeValue(w, field, k, obj[k]);
  });
  return w.finish();
}

function encodeMeta(meta: Record<string, unknown>): Uint8Array {
  // The real storage layer clears resourceVersion before writing; etcd's modRevision carries it instead.
  const m: Record<string, unknown> = { ...meta, resourceVersion: "" };
  for (const k of META_ALWAYS) m[k] ??= "";
  m.generation ??= 0;
  const w = new ProtoWriter();
  const known = Object.keys(OBJECT_META).filter((k) => m[k] !== undefined);
  for (const k of known) writeValue(w, OBJECT_META[k], k, m[k], true);
  return w.finish();
}

function writeValue(w: ProtoWriter, field: number, name: string, v: unknown, keepEmpty = false): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    for (const item of v) writeValue(w, field, "", item, true);
  } else if (typeof v === "string") {
    if (INT_OR_STRING.has(name)) w.bytes(field, new ProtoWriter().int(1, 1).int(2, 0).string(3, v).finish());
    else if (RFC3339.test(v)) w.bytes(field, encodeTime(v));
    else if (v !== "" || keepEmpty) w.string(field, v);
  } else if (typeof v === "number") {
    if (INT_OR_STRING.has(name)) w.bytes(field, new ProtoWriter().int(1, 0).int(2, v).string(3, "").finish());
    else if (Number.isInteger(v)) w.int(field, v);
    else w.double(field, v);
  } else if (typeof v === "boolean") {
    w.int(field, v ? 1 : 0);
  } else if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (MAP_FIELDS.has(name) && Object.values(o).every((x) => typeof x === "string")) {
      // Go's generated marshallers write map entries sorted by key.
      for (const k of Object.keys(o).sort())
        w.bytes(
          field,
          new ProtoWriter()
            .string(1, k)
            .string(2, o[k] as string)
            .finish(),
        );
    } else {
      const inner = new ProtoWriter();
      for (const [i, k] of Object.keys(o).sort().entries()) writeValue(inner, i + 1, k, o[k]);
      w.bytes(field, inner.finish());
    }
  }
}

function encodeTime(s: string): Uint8Array {
  const ms = Date.parse(s);
  const frac = /\.(\d+)Z$/.exec(s)?.[1] ?? "";
  const nanos = frac ? Number(frac.padEnd(9, "0").slice(0, 9)) : 0;
  return new ProtoWriter()
    .int(1, Math.floor(ms / 1000))
    .int(2, nanos)
    .finish();
}
