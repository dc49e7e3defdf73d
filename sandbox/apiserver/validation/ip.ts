// IP address checks as v1.32 validates them (netutils.ParseIPSloppy: IPv4 parts may have leading zeros).
import type { FieldError } from "../errors.ts";
import { invalidValue } from "./field.ts";

/** Whether a string is an IPv4 address (dotted quad, leading zeros tolerated). */
export function isIPv4(s: string): boolean {
  // One pass over the text: four dot-separated parts of one to three ASCII digits, each at most 255.
  let dots = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || value > 255 || ++dots > 3) return false;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
      value = value * 10 + (c - 48);
    } else return false;
  }
  return dots === 3 && digits > 0 && value <= 255;
}

/** Whether a string is an IPv6 address (optionally ending in an embedded IPv4). */
export function isIPv6(s: string): boolean {
  if (!s.includes(":")) return false;
  let body = s;
  let groupsForV4 = 0;
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!isIPv4(tail)) return false;
    body = `${s.slice(0, lastColon + 1)}0`;
    groupsForV4 = 1;
  }
  const halves = body.split("::");
  if (halves.length > 2) return false;
  const group = /^[0-9a-fA-F]{1,4}$/;
  const count = (h: string) => (h === "" ? [] : h.split(":"));
  const left = count(halves[0]);
  const right = halves.length === 2 ? count(halves[1]) : [];
  if (![...left, ...right].every((g) => group.test(g))) return false;
  const total = left.length + right.length + groupsForV4;
  return halves.length === 2 ? total <= 8 : total === 8;
}

/** Whether a string parses as an IP address. */
export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** Validate an IP field, with the real message. */
export function validateIP(field: string, value: string): FieldError[] {
  return isIP(value)
    ? []
    : [invalidValue(field, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")];
}
