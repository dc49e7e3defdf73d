// `kubectl run --overrides`: change the generated object with a JSON merge patch (the default), a
// strategic merge patch or a JSON patch, as kubectl's Overrider does before sending it.
import { clone } from "../../util/clone.ts";
import { fail } from "./common.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// The list fields of a pod spec that a strategic merge patch merges by key rather than replaces.
// Deviation: the real patch reads these keys from the Go types; the model lists the ones run produces.
const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  env: "name",
  ports: "containerPort",
  tolerations: "key",
  imagePullSecrets: "name",
};

function isMap(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** RFC 7386: maps merge, null deletes, anything else replaces. */
function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isMap(patch)) return patch;
  const out: { [k: string]: Json } = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** A strategic merge patch: like RFC 7386, but keyed lists merge element by element. */
function strategicPatch(target: Json | undefined, patch: Json, field = ""): Json {
  const key = MERGE_KEYS[field];
  if (Array.isArray(patch) && key && Array.isArray(target)) {
    const out = [...target];
    for (const item of patch) {
      const i = isMap(item) ? out.findIndex((x) => isMap(x) && x[key] === item[key]) : -1;
      if (i >= 0) out[i] = strategicPatch(out[i], item);
      else out.push(item);
    }
    return out;
  }
  if (!isMap(patch)) return patch;
  const out: { [k: string]: Json } = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicPatch(out[k], v, k);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) fail(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function parentOf(doc: Json, parts: string[], op: string, path: string): { parent: Json; last: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(p)] : isMap(cur) ? cur[p] : undefined;
    if (next === undefined) fail(`${op} operation does not apply: doc is missing path: "${path}"`);
    cur = next;
  }
  return { parent: cur, last: parts[parts.length - 1] ?? "" };
}

/** RFC 6902 add/remove/replace on a copy of the document. */
function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) fail("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  const out = clone(doc);
  for (const raw of ops) {
    if (!isMap(raw)) fail("json: cannot unmarshal into Go value of type jsonpatch.Operation");
    const op = String(raw.op ?? "");
    const path = String(raw.path ?? "");
    if (!["add", "remove", "replace"].includes(op)) fail(`Unexpected kind: ${op}`);
    const { parent, last } = parentOf(out, pointer(path), op, path);
    if (Array.isArray(parent)) {
      const i = last === "-" ? parent.length : Number(last);
      if (op === "add") parent.splice(i, 0, raw.value ?? null);
      else if (i >= parent.length) fail(`${op} operation does not apply: doc is missing path: "${path}"`);
      else if (op === "remove") parent.splice(i, 1);
      else parent[i] = raw.value ?? null;
    } else if (isMap(parent)) {
      if (op !== "add" && !(last in parent))
        fail(`${op} operation does not apply: doc is missing key: ${path}`);
      if (op === "remove") delete parent[last];
      else parent[last] = raw.value ?? null;
    }
  }
  return out;
}

/** Apply `--overrides` of `--override-type` to a generated object; fails as kubectl does. */
export function applyOverrides<T>(obj: T, overrides: string, type: string): T {
  if (!overrides) return obj;
  let patch: Json;
  try {
    patch = JSON.parse(overrides) as Json;
  } catch {
    fail("Invalid JSON Patch");
  }
  const doc = obj as unknown as Json;
  if (type === "merge" || type === "") return mergePatch(doc, patch) as T;
  if (type === "strategic") return strategicPatch(doc, patch) as T;
  if (type === "json") return jsonPatch(doc, patch) as T;
  return fail(`invalid override type: ${type}`);
}
