// Tolerant accessors for defaulting: bodies are user JSON, so every level may be missing or odd.

/** A JSON object as read from a request body. */
export type Obj = Record<string, unknown>;

/** Whether a value is a plain JSON object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Return `parent[key]` as an object, creating `{}` there when it is absent. */
export function child(parent: Obj, key: string): Obj {
  if (!isObj(parent[key])) parent[key] = {};
  return parent[key] as Obj;
}

/** The objects in an array field (non-objects are skipped). */
export function objects(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** Set `o[key]` to `value` when it is absent or an empty string. */
export function setDefault(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null || o[key] === "") o[key] = value;
}
