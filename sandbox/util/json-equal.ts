// Three ways to compare JSON-shaped values without building their texts:
//   jsonEqual          - as JSON would see them, key order ignored (the controllers' "did it change?");
//   sameJSONText       - as JSON.stringify would print them, key order kept;
//   sameCanonicalJSON  - as their canonical texts would (keys sorted, non-JSON values as null): the
//                        API server's immutability checks on decoded objects.

/**
 * Whether two JSON-shaped values are equal as JSON would see them (undefined properties are absent;
 * key order does not matter). Cheaper than comparing two JSON.stringify results.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!jsonEqual(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

// How a value prints inside an object: undefined, functions and symbols leave the key out.
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * Whether JSON.stringify would print two plain JSON-shaped values (no toJSON methods) as the same text:
 * unlike jsonEqual, key order matters. Builds no text.
 */
export function sameJSONText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aObj = typeof a === "object" && a !== null;
  const bObj = typeof b === "object" && b !== null;
  if (!aObj || !bObj) {
    if (aObj || bObj) return false;
    // Non-finite numbers print as null; undefined, functions and symbols print nothing at the top level
    // and null inside arrays, where this is also called.
    const na = typeof a === "number" && !Number.isFinite(a) ? null : a;
    const nb = typeof b === "number" && !Number.isFinite(b) ? null : b;
    if (na === nb) return true;
    return skipped(na) && skipped(nb);
  }
  const aArr = Array.isArray(a);
  if (aArr !== Array.isArray(b)) return false;
  if (aArr) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const u = skipped(x[i]) ? null : x[i];
      const v = skipped(y[i]) ? null : y[i];
      if (!sameJSONText(u, v)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xk = Object.keys(x);
  const yk = Object.keys(y);
  let j = 0;
  for (let i = 0; i < xk.length; i++) {
    if (skipped(x[xk[i]])) continue;
    while (j < yk.length && skipped(y[yk[j]])) j++;
    if (j >= yk.length || yk[j] !== xk[i] || !sameJSONText(x[xk[i]], y[yk[j]])) return false;
    j++;
  }
  while (j < yk.length && skipped(y[yk[j]])) j++;
  return j === yk.length;
}

/**
 * Compare two JSON values structurally: equal exactly when their canonical texts (keys sorted, undefined
 * properties left out, non-JSON values as null) would be, without building those texts.
 */
export function sameCanonicalJSON(a: unknown, b: unknown): boolean {
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
    for (let i = 0; i < x.length; i++) if (!sameCanonicalJSON(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined) continue;
    n++;
    if (!Object.hasOwn(y, k) || !sameCanonicalJSON(x[k], y[k])) return false;
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
