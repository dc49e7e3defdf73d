// resource.Quantity parsing for the two resources the model accounts: cpu (in millicores) and bytes.

// The one resource.Quantity parser: validation, the scheduler and the describers all read quantities here.
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const SCALE: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Parse a quantity (`100m`, `1.5`, `128Mi`, `1e3`, or a JSON number) to base units; undefined if malformed. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === "number") return Number.isFinite(q) ? q : undefined;
  if (typeof q !== "string") return undefined;
  // The scheduler reads the same few quantities for every pod and node; parse each text once.
  if (parsed.has(q)) return parsed.get(q);
  const v = parseText(q);
  if (parsed.size < 4096) parsed.set(q, v);
  return v;
}

const parsed = new Map<string, number | undefined>();

function parseText(q: string): number | undefined {
  const m = QUANTITY.exec(q);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  const suffix = m[3] ?? "";
  const scale = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SCALE[suffix];
  return sign * Number(m[2]) * scale;
}

/** CPU quantity in millicores (rounded up, as the scheduler does). */
export function milliCPU(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v * 1000 - 1e-9);
}

/** Memory quantity in bytes. */
export function bytes(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v);
}
