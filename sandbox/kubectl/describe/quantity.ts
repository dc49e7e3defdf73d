// Resource quantities (cpu, memory) parsed, added and printed in Kubernetes' canonical form.

/** A quantity held exactly as thousandths of a unit, with the format it prints in. */
export interface Quantity {
  milli: bigint;
  binary: boolean;
}

const BINARY: Record<string, bigint> = { Ki: 1n, Mi: 2n, Gi: 3n, Ti: 4n, Pi: 5n, Ei: 6n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX = ["", "k", "M", "G", "T", "P", "E"];
const BINARY_SUFFIX = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** The zero quantity (prints `0`). */
export const ZERO: Quantity = { milli: 0n, binary: false };

/** Parse `100m`, `1.5`, `128Mi`, `1e3`; values below a milli-unit round up as Kubernetes does. */
export function parseQuantity(text: string | number | undefined): Quantity {
  if (text === undefined) return ZERO;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(
    String(text).trim(),
  );
  if (!m) return ZERO;
  const [, sign, whole, frac = "", exp, suffix = ""] = m;
  let binary = false;
  let scale = 0;
  let factor = 1n;
  if (exp) scale = Number(exp.slice(1));
  else if (suffix in BINARY) {
    binary = true;
    factor = 1024n ** BINARY[suffix];
  } else scale = DECIMAL[suffix];
  // digits * 10^(scale - frac.length) * factor, in thousandths, rounded up.
  const digits = BigInt(`${whole || "0"}${frac}`) * factor;
  const shift = scale - frac.length + 3;
  let milli = shift >= 0 ? digits * 10n ** BigInt(shift) : ceilDiv(digits, 10n ** BigInt(-shift));
  if (sign === "-") milli = -milli;
  return { milli, binary };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Add two quantities; the result keeps the first one's format unless the first is zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, binary: a.milli === 0n ? b.binary : a.binary };
}

/** Print a quantity in canonical form (resource.Quantity.String()). */
export function formatQuantity(q: Quantity): string {
  const { milli } = q;
  if (milli === 0n) return "0";
  const abs = milli < 0n ? -milli : milli;
  const sign = milli < 0n ? "-" : "";
  if (q.binary && abs % 1000n === 0n && abs >= 1024000n) {
    let units = abs / 1000n;
    let i = 0;
    while (units % 1024n === 0n && i < 6) {
      units /= 1024n;
      i++;
    }
    return `${sign}${units}${BINARY_SUFFIX[i]}`;
  }
  if (abs % 1000n !== 0n) return `${sign}${abs}m`;
  let units = abs / 1000n;
  let i = 0;
  while (units % 1000n === 0n && i < 6) {
    units /= 1000n;
    i++;
  }
  return `${sign}${units}${DECIMAL_SUFFIX[i]}`;
}

/** Canonicalize a quantity string as kubectl prints it after decoding. */
export function canonical(text: string | number | undefined): string {
  return formatQuantity(parseQuantity(text));
}

/** The quantity's value in whole units, rounded up (Quantity.Value()). */
export function quantityValue(q: Quantity): bigint {
  return q.milli >= 0n ? ceilDiv(q.milli, 1000n) : -ceilDiv(-q.milli, 1000n);
}
