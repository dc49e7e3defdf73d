// RFC 6902 JSON patch with the semantics and error texts of evanphx/json-patch v4, the library both
// kubectl (locally) and the API server use: negative array indices count from the end, `replace` on a
// missing object key adds it, and failures read "<op> operation does not apply: ...: missing value".
import { clone } from "../../util/clone.ts";
import { isMap, type Json, type JsonMap, jsonType, PatchFailure } from "./types.ts";

const MISSING = "missing value";
const BAD_INDEX = "invalid index referenced";

type Container = JsonMap | Json[];

function isContainer(v: Json | undefined): v is Container {
  return Array.isArray(v) || isMap(v);
}

// Go's strconv.Atoi: optional sign, decimal digits, nothing else.
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key))
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

function badIndex(idx: number): Error {
  return new Error(`Unable to access invalid index: ${idx}: ${BAD_INDEX}`);
}

function decodeKey(k: string): string {
  return k.replace(/~1/g, "/").replace(/~0/g, "~");
}

// Walk to the container holding the last path segment; undefined where the library returns nil.
function findObject(doc: Container, path: string): { con: Container; key: string } | undefined {
  const split = path.split("/");
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    let next: Json | undefined;
    try {
      next = get(cur, decodeKey(part));
    } catch {
      return undefined;
    }
    if (!isContainer(next)) return undefined;
    cur = next;
  }
  return { con: cur, key: decodeKey(split[split.length - 1]) };
}

function arrayIndex(key: string, size: number): number {
  const idx = atoi(key);
  if (idx < 0) {
    if (idx < -size) throw badIndex(idx);
    return idx + size;
  }
  if (idx >= size) throw badIndex(idx);
  return idx;
}

function get(con: Container, key: string): Json | undefined {
  if (!Array.isArray(con)) return con[key];
  return con[arrayIndex(key, con.length)];
}

function add(con: Container, key: string, val: Json): void {
  if (!Array.isArray(con)) {
    con[key] = val;
    return;
  }
  if (key === "-") {
    con.push(val);
    return;
  }
  if (!/^[+-]?\d+$/.test(key)) {
    throw new Error(
      `value was not a proper array index: '${key}': strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`,
    );
  }
  con.splice(arrayIndex(key, con.length + 1), 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!(key in con)) throw new Error(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
    return;
  }
  con.splice(arrayIndex(key, con.length), 1);
}

function set(con: Container, key: string, val: Json): void {
  if (Array.isArray(con)) con[arrayIndex(key, con.length)] = val;
  else con[key] = val;
}

function applyOp(doc: { root: Container }, op: JsonMap): void {
  const kind = typeof op.op === "string" ? op.op : "unknown";
  const value = op.value === undefined ? null : clone(op.value);
  const pathOf = (field: "path" | "from") => {
    const p = op[field];
    if (typeof p === "string") return p;
    // add, remove and copy's path drop the cause; the others keep it.
    const bare = field === "path" && ["add", "remove", "copy"].includes(kind);
    const cause = field === "path" ? "operation missing path field" : "operation, missing from field";
    throw new Error(`${kind} operation failed to decode ${field}: ${bare ? "" : `${cause}: `}${MISSING}`);
  };
  const wrap = (prefix: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      throw new Error(`${prefix}: ${(e as Error).message}`);
    }
  };
  if (!["add", "remove", "replace", "move", "test", "copy"].includes(kind)) {
    throw new Error(`Unexpected kind: ${kind}`);
  }
  const path = pathOf("path");
  if (kind === "replace" && path === "") {
    if (!isContainer(value)) throw new Error("replace operation value must be object or array: %!w(<nil>)");
    doc.root = value;
    return;
  }
  const target = findObject(doc.root, path);
  switch (kind) {
    case "add":
      if (!target)
        throw new Error(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      wrap(`error in add for path: '${path}'`, () => add(target.con, target.key, value));
      return;
    case "remove":
      if (!target)
        throw new Error(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      wrap(`error in remove for path: '${path}'`, () => remove(target.con, target.key));
      return;
    case "replace":
      if (!target)
        throw new Error(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      try {
        get(target.con, target.key);
      } catch {
        throw new Error(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
      }
      set(target.con, target.key, value);
      return;
    case "test": {
      if (!target) throw new Error(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      let cur: Json | undefined;
      wrap(`error in test for path: '${path}'`, () => {
        cur = get(target.con, target.key);
      });
      if (JSON.stringify(cur ?? null) !== JSON.stringify(value)) {
        throw new Error(`testing value ${path} failed: test failed`);
      }
      return;
    }
    default:
      moveOrCopy(doc, kind, pathOf("from"), path, target);
      return;
  }
}

function moveOrCopy(
  doc: { root: Container },
  kind: string,
  from: string,
  path: string,
  dest: { con: Container; key: string } | undefined,
): void {
  const src = findObject(doc.root, from);
  if (!src)
    throw new Error(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  const where =
    kind === "move" ? `error in move for path: '${src.key}'` : `error in copy for from: '${from}'`;
  let val: Json | undefined;
  try {
    val = get(src.con, src.key);
    if (kind === "move") remove(src.con, src.key);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  const target = kind === "move" ? findObject(doc.root, path) : dest;
  if (!target) {
    throw new Error(`${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  }
  const copy = val === undefined ? null : clone(val);
  try {
    add(target.con, target.key, copy);
  } catch (e) {
    const prefix =
      kind === "move" ? `error in move for path: '${path}'` : "error while adding value during copy";
    throw new Error(`${prefix}: ${(e as Error).message}`);
  }
}

/**
 * Apply a decoded JSON patch to a copy of `doc`. Throws PatchFailure "decode" when `ops` is not a list
 * of objects (naming the JSON type, e.g. "object"), "apply" when an operation fails.
 */
export function applyJsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new PatchFailure("decode", jsonType(ops), "list");
  const bad = ops.find((o) => !isMap(o));
  if (bad !== undefined) throw new PatchFailure("decode", jsonType(bad), "item");
  const state = { root: (isContainer(doc) ? clone(doc) : {}) as Container };
  for (const op of ops as JsonMap[]) {
    try {
      applyOp(state, op);
    } catch (e) {
      throw new PatchFailure("apply", (e as Error).message);
    }
  }
  return state.root;
}
