// Shapes shared by the patch implementations: decoded JSON and the failure they throw.

/** A decoded JSON value. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A decoded JSON object. */
export type JsonMap = { [k: string]: Json };

/** Whether a value is a JSON object (not null, not a list). */
export function isMap(v: unknown): v is JsonMap {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A patch that could not be applied. `stage` says how kubectl or the server words it:
 * "syntax" (the text is not JSON; message is Go's), "decode" (valid JSON of the wrong shape; message is
 * the JSON type found, `where` is "list" or "item"), "apply" (a JSON patch operation failed) or
 * "merge" (a strategic merge failed, e.g. a missing merge key).
 */
export class PatchFailure extends Error {
  readonly stage: "syntax" | "decode" | "apply" | "merge";
  readonly where: string;
  constructor(stage: PatchFailure["stage"], message: string, where = "") {
    super(message);
    this.stage = stage;
    this.where = where;
  }
}

/** Go's name for a decoded JSON value's type in unmarshal errors ("object", "array", "string"...). */
export function jsonType(v: Json): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "object") return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}
