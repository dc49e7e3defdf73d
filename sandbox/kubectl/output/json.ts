// `-o json`: Go's encoding/json MarshalIndent with four spaces, as kubectl's JSON printer calls it.
// Go escapes <, > and & (HTML-safe) and U+2028/U+2029, so `a<b` prints as "a\u003cb".

/** How to encode: `sortKeys` sorts object keys by code unit as Go does for maps (unstructured objects). */
export interface JsonOptions {
  sortKeys?: boolean;
}

function jsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function keysOf(obj: Record<string, unknown>, sort: boolean): string[] {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  return sort ? keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : keys;
}

function encode(v: unknown, indent: string, depth: number, sort: boolean): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "boolean") return String(v);
  const nl = indent ? `\n${indent.repeat(depth + 1)}` : "";
  const close = indent ? `\n${indent.repeat(depth)}` : "";
  const sep = indent ? ": " : ":";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${v.map((x) => nl + encode(x, indent, depth + 1, sort)).join(",")}${close}]`;
  }
  if (typeof v === "object") {
    const obj = v as Record<string, unknown>;
    const keys = keysOf(obj, sort);
    if (keys.length === 0) return "{}";
    return `{${keys.map((k) => nl + jsonString(k) + sep + encode(obj[k], indent, depth + 1, sort)).join(",")}${close}}`;
  }
  return "null";
}

/** Encode compactly, as Go's json.Marshal of a decoded value (map keys sorted unless `sortKeys` is false). */
export function toCompactJson(value: unknown, sortKeys = true): string {
  return encode(value, "", 0, sortKeys);
}

/**
 * Print `-o json` text: four-space indent, trailing newline. Keys keep the object's order unless
 * `sortKeys` is set; `kubectl get` prints unstructured objects, whose keys Go sorts, so pass
 * `sortKeys: true` there, and keep the order for typed objects (`run --dry-run=client -o json`).
 */
export function toJson(value: unknown, opts: JsonOptions = {}): string {
  return `${encode(value, "    ", 0, opts.sortKeys ?? false)}\n`;
}
