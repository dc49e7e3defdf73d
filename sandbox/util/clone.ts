/** Deep-copy a JSON-shaped value (API objects are plain JSON). Keys whose value is undefined are dropped, as JSON would. */
export function clone<T>(value: T): T {
  return copy(value) as T;
}

function copy(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "object" || v === null) return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === "function")
    return copy((v as { toJSON(): unknown }).toJSON());
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    // JSON turns holes and undefined array entries into null.
    for (let i = 0; i < v.length; i++) out[i] = v[i] === undefined ? null : copy(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && typeof x !== "function") out[k] = copy(x);
  }
  return out;
}
