// Field error builders that print bad values exactly as kube-apiserver does (Go `%q`), plus tolerant
// readers: validators receive whatever JSON the user sent and must never throw on odd shapes.
import { type FieldError, renderedFieldError } from "../errors.ts";
import { goQuote, goValue } from "./go-format.ts";

/** A JSON object as read from a request body. */
export type Obj = Record<string, unknown>;

/** Build `Invalid value: <v>: <detail>` with the value quoted as Go quotes it. */
export function invalidValue(field: string, value: unknown, detail: string): FieldError {
  return renderedFieldError("FieldValueInvalid", field, goValue(value), detail);
}

/** Build `Invalid value` with a value already rendered in Go syntax (maps, structs). */
export function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return renderedFieldError("FieldValueInvalid", field, rendered, detail);
}

/** Build `Duplicate value: <v>`. */
export function duplicateValue(field: string, value: unknown): FieldError {
  return renderedFieldError("FieldValueDuplicate", field, goValue(value));
}

/** Build `Unsupported value: <v>: supported values: "a", "b"`. */
export function unsupportedValue(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(", ")}` : undefined;
  return renderedFieldError("FieldValueNotSupported", field, goValue(value), detail);
}

/** Build `Unsupported value` with a value already rendered in Go syntax. */
export function renderedNotSupported(
  field: string,
  rendered: string,
  supported: readonly string[],
): FieldError {
  return renderedFieldError(
    "FieldValueNotSupported",
    field,
    rendered,
    `supported values: ${supported.map(goQuote).join(", ")}`,
  );
}

/** Build `Not found: <v>`. */
export function notFoundValue(field: string, value: unknown): FieldError {
  return renderedFieldError("FieldValueNotFound", field, goValue(value));
}

/** Whether a value is a plain JSON object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Read a value as an object, or an empty one. */
export function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

/** Read a value as an array, or an empty one. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Read a value as a string, or "" (numbers are kept as their text, as YAML scalars often arrive). */
export function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

/** Read a value as a string map, or undefined when absent. */
export function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const k of Object.keys(v)) out[k] = text(v[k]);
  return out;
}

/** Read a value as an integer-ish number, or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
