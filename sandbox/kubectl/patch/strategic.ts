// Strategic merge patch, following apimachinery's strategicpatch: maps merge, null deletes, keyed lists
// merge element by element (new elements first, as its ordering does), other lists are replaced, and the
// `$patch` (replace/delete), `$retainKeys` and `$deleteFromPrimitiveList/<field>` directives apply.
// Deviation: `$setElementOrder/<field>` directives are accepted and ignored.
import { clone } from "../../util/clone.ts";
import { goV } from "../output/go-format.ts";
import { type ListMerge, listMerge } from "./merge-keys.ts";
import { isMap, type Json, type JsonMap, jsonType, PatchFailure } from "./types.ts";

const PATCH = "$patch";
const RETAIN = "$retainKeys";
const DELETE_FROM = "$deleteFromPrimitiveList/";
const SET_ORDER = "$setElementOrder/";

function noMergeKey(m: JsonMap, key: string): PatchFailure {
  return new PatchFailure("merge", `map: ${goV(m)} does not contain declared merge key: ${key}`);
}

// A value taken from the patch where the original has nothing: nulls and directives dropped.
function fresh(v: Json): Json {
  if (Array.isArray(v)) return v.filter((e) => !(isMap(e) && e[PATCH] === "delete")).map(fresh);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || k === PATCH || k === RETAIN || k.startsWith("$")) continue;
    out[k] = fresh(x);
  }
  return out;
}

function mergeMap(kind: string, original: JsonMap, patch: JsonMap, path: string[]): JsonMap {
  const directive = patch[PATCH];
  if (directive !== undefined) {
    if (directive === "delete") return {};
    if (directive === "replace") {
      const { [PATCH]: _d, ...rest } = patch;
      return fresh(rest) as JsonMap;
    }
    throw new PatchFailure("merge", `Unknown patch type: ${goV(directive)} in map: ${goV(patch)}`);
  }
  const out: JsonMap = { ...original };
  const retain = patch[RETAIN];
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new PatchFailure("merge", "invalid patch: $retainKeys must be a list");
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k === RETAIN || k.startsWith(SET_ORDER)) continue;
    if (k.startsWith(DELETE_FROM)) {
      const field = k.slice(DELETE_FROM.length);
      const cur = out[field];
      if (Array.isArray(cur) && Array.isArray(v)) out[field] = cur.filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    const at = [...path, k];
    if (cur === undefined || cur === null) out[k] = fresh(v);
    else if (isMap(cur) && isMap(v)) out[k] = mergeMap(kind, cur, v, at);
    else if (Array.isArray(cur) && Array.isArray(v)) {
      const rule = listMerge(kind, at);
      out[k] = rule ? mergeList(kind, cur, v, rule, at) : fresh(v);
    } else out[k] = fresh(v);
  }
  return out;
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

// The identity of a list element: its merge key's value, or the scalar itself.
function identity(e: Json, key: string): Json | undefined {
  return key ? (isMap(e) ? e[key] : undefined) : e;
}

function indexIn(list: Json[], e: Json, key: string): number {
  const id = identity(e, key);
  return list.findIndex((x) => identity(x, key) !== undefined && same(identity(x, key) as Json, id as Json));
}

function mergeList(kind: string, original: Json[], patch: Json[], rule: ListMerge, path: string[]): Json[] {
  const key = rule.key;
  let base = original;
  let items = patch;
  if (key) {
    items = [];
    let replace = false;
    for (const e of patch) {
      const d = isMap(e) ? e[PATCH] : undefined;
      if (d === undefined) items.push(e);
      else if (d === "delete") {
        if (!isMap(e) || e[key] === undefined) throw noMergeKey(e as JsonMap, key);
        base = base.filter((x) => !(isMap(x) && same(x[key], e[key])));
      } else if (d === "replace") replace = true;
      else if (d === "merge")
        throw new PatchFailure("merge", "merging lists cannot yet be specified in the patch");
      else throw new PatchFailure("merge", `Unknown patch type: ${goV(d)} in map: ${goV(e)}`);
    }
    if (replace) return fresh(items) as Json[];
  }
  let merged: Json[];
  if (!key) {
    merged = [];
    for (const e of [...base, ...items]) if (!merged.some((m) => same(m, e))) merged.push(e);
  } else {
    merged = [...base];
    for (const e of items) {
      if (!isMap(e) || e[key] === undefined) throw noMergeKey(isMap(e) ? e : {}, key);
      const i = indexIn(merged, e, key);
      if (i >= 0 && isMap(merged[i])) merged[i] = mergeMap(kind, merged[i] as JsonMap, e, path);
      else merged.push(fresh(e));
    }
  }
  return order(merged, items, base, key);
}

// strategicpatch's normalizeElementOrder: elements named in the patch in patch order, the others in
// their original order, interleaved by original position; an element new to the list goes first.
function order(merged: Json[], patch: Json[], original: Json[], key: string): Json[] {
  const inPatch = merged.filter((e) => indexIn(patch, e, key) >= 0);
  const serverOnly = merged.filter((e) => indexIn(patch, e, key) < 0);
  inPatch.sort((a, b) => indexIn(patch, a, key) - indexIn(patch, b, key));
  serverOnly.sort((a, b) => indexIn(original, a, key) - indexIn(original, b, key));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < inPatch.length) {
    if (j >= inPatch.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(inPatch[j++]);
    else {
      const li = indexIn(original, serverOnly[i], key);
      const ri = indexIn(original, inPatch[j], key);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(inPatch[j++]);
    }
  }
  return out;
}

/** Apply a strategic merge patch to a copy of an object of `kind`; throws PatchFailure. */
export function strategicMergePatch(kind: string, doc: Json, patch: Json): Json {
  if (!isMap(patch)) throw new PatchFailure("decode", jsonType(patch), "map");
  return mergeMap(kind, isMap(doc) ? clone(doc) : {}, patch, []);
}
