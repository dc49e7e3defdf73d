// How the server shapes what it stores: which kinds keep a generation, the order of metadata keys, and how
// a generateName is completed.
import type { ResourceType } from "../api/resources.ts";
import type { KubeObject, ObjectMeta } from "../api/types.ts";
import { StatusError } from "./errors.ts";

/** Kinds whose metadata.generation the server keeps (v1.32 pods have none: it came in v1.33). */
export const GENERATION = new Set(["deployments", "replicasets", "daemonsets", "jobs", "cronjobs"]);
const META_ORDER = [
  "name",
  "generateName",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
];
const META_KEYS = new Set(META_ORDER);
const META_INDEX = new Map(META_ORDER.map((k, i) => [k, i]));

/**
 * The object as the server stores it: metadata keys in the real order, resourceVersion `rv` if given. With
 * `own` (an object nobody else holds), its top level is reused when already in order instead of copied;
 * with `ownMeta` (its metadata object is nobody else's either), so is the metadata.
 */
export function storedShape(obj: KubeObject, rv: string, own = false, ownMeta = false): KubeObject {
  const src = obj.metadata as Record<string, unknown>;
  let meta: ObjectMeta;
  // Setting the version on the metadata itself leaves its keys as on a copy: in place, or appended last.
  if (inMetaOrder(src)) meta = ownMeta ? src : { ...src };
  else {
    meta = {};
    // Index and for-in loops: this runs on every write, often before it is optimized.
    for (let i = 0; i < META_ORDER.length; i++) {
      const k = META_ORDER[i];
      if (src[k] !== undefined) (meta as Record<string, unknown>)[k] = src[k];
    }
    for (const k in src)
      if (!META_KEYS.has(k) && src[k] !== undefined) (meta as Record<string, unknown>)[k] = src[k];
  }
  if (rv) meta.resourceVersion = rv;
  if (topInOrder(obj)) {
    if (!own) return { ...obj, metadata: meta } as KubeObject;
    obj.metadata = meta;
    return obj;
  }
  const out: Record<string, unknown> = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: meta };
  for (const k in obj)
    if (k !== "apiVersion" && k !== "kind" && k !== "metadata") out[k] = (obj as Record<string, unknown>)[k];
  return out as unknown as KubeObject;
}

// Whether the object's first keys are apiVersion, kind and metadata, in that order.
function topInOrder(obj: KubeObject): boolean {
  let i = 0;
  for (const k in obj) {
    if (k !== (i === 0 ? "apiVersion" : i === 1 ? "kind" : "metadata")) return false;
    if (++i === 3) return true;
  }
  return false;
}

// An object read back from storage and written again already has its metadata in order: copy it whole.
function inMetaOrder(src: Record<string, unknown>): boolean {
  let at = -1;
  for (const k in src) {
    const i = META_INDEX.get(k);
    if (i === undefined || i <= at || src[k] === undefined) return false;
    at = i;
  }
  return true;
}

/** Drop the metadata a create may not set: the server assigns it. */
export function dropServerFields(meta: ObjectMeta): void {
  // One named check per field: a loop over the names would make each `in`/delete a megamorphic lookup.
  if ("uid" in meta) delete meta.uid;
  if ("resourceVersion" in meta) delete meta.resourceVersion;
  if ("creationTimestamp" in meta) delete meta.creationTimestamp;
  if ("deletionTimestamp" in meta) delete meta.deletionTimestamp;
  if ("deletionGracePeriodSeconds" in meta) delete meta.deletionGracePeriodSeconds;
  if ("generation" in meta) delete meta.generation;
}

/** Copy from the stored metadata what an update may not change (dropping what the stored one lacks). */
export function keepServerFields(meta: ObjectMeta, old: ObjectMeta): void {
  if (old.uid === undefined) {
    if ("uid" in meta) delete meta.uid;
  } else meta.uid = old.uid;
  if (old.creationTimestamp === undefined) {
    if ("creationTimestamp" in meta) delete meta.creationTimestamp;
  } else meta.creationTimestamp = old.creationTimestamp;
  if (old.namespace === undefined) {
    if ("namespace" in meta) delete meta.namespace;
  } else meta.namespace = old.namespace;
  if (old.deletionTimestamp === undefined) {
    if ("deletionTimestamp" in meta) delete meta.deletionTimestamp;
  } else meta.deletionTimestamp = old.deletionTimestamp;
  if (old.deletionGracePeriodSeconds === undefined) {
    if ("deletionGracePeriodSeconds" in meta) delete meta.deletionGracePeriodSeconds;
  } else meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
  if (old.generateName === undefined) {
    if ("generateName" in meta) delete meta.generateName;
  } else meta.generateName = old.generateName;
}

/** A `generateName` completed with five random characters, retried while taken; AlreadyExists after 16 tries. */
export function generatedName(
  rt: ResourceType,
  prefix: string,
  suffix: () => string,
  taken: (name: string) => unknown,
): string {
  for (let i = 0; i < 16; i++) {
    const name = `${prefix}${suffix()}`;
    if (!taken(name)) return name;
  }
  throw new StatusError({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: `${rt.plural} "${prefix}" already exists`,
    reason: "AlreadyExists",
    code: 409,
  });
}
