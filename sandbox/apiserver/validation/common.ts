// Small checks reused across kinds: DNS-label fields, non-negative numbers, immutable fields.
import type { FieldError } from "../errors.ts";
import { invalidValue } from "./field.ts";
import { isDNS1123Label, isDNS1123Subdomain } from "./names.ts";

// A valid value's answer: shared and frozen, so callers may spread it but never push to it.
const NO_ERRORS: FieldError[] = Object.freeze([]) as unknown as FieldError[];

/** Validate a field that must be a DNS-1123 label (a valid one gets the shared empty list). */
export function dnsLabel(value: string, path: string): FieldError[] {
  const msgs = isDNS1123Label(value);
  return msgs.length === 0 ? NO_ERRORS : msgs.map((msg) => invalidValue(path, value, msg));
}

/** Validate a field that must be a DNS-1123 subdomain (a valid one gets the shared empty list). */
export function dnsSubdomain(value: string, path: string): FieldError[] {
  const msgs = isDNS1123Subdomain(value);
  return msgs.length === 0 ? NO_ERRORS : msgs.map((msg) => invalidValue(path, value, msg));
}

/** Validate a number that must be >= 0 (absent values pass). */
export function nonNegative(value: unknown, path: string): FieldError[] {
  return typeof value === "number" && value < 0
    ? [invalidValue(path, value, "must be greater than or equal to 0")]
    : [];
}

/**
 * Compare two JSON values structurally: equal exactly when their canonical texts (keys sorted, undefined
 * properties left out, non-JSON values as null) would be, without building those texts.
 */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aObj = typeof a === "object" && a !== null;
  const bObj = typeof b === "object" && b !== null;
  if (!aObj || !bObj) return !aObj && !bObj && asNull(a) && asNull(b);
  const aArr = Array.isArray(a);
  if (aArr !== Array.isArray(b)) return false;
  if (aArr) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJSON(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined) continue;
    n++;
    if (!Object.hasOwn(y, k) || !sameJSON(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined) n--;
  return n === 0;
}

// Two different primitives share a canonical text only when both print as null.
function asNull(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    typeof v === "function" ||
    typeof v === "symbol" ||
    (typeof v === "number" && !Number.isFinite(v))
  );
}
