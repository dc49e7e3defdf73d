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
