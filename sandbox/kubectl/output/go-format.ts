// Go's fmt renderings of decoded JSON values (map[string]interface{}, []interface{}, int64, float64),
// which kubectl leaks into jsonpath output, custom columns and jsonpath error messages.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** Quote a string as Go's strconv.Quote does (Go escapes, printable Unicode kept). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (ch === "\x07") out += "\\a";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\v") out += "\\v";
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/** Format a number as Go prints an int64 or float64 with %v (exponent below 1e-4 and from 1e21). */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf";
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mant, e] = n.toExponential().split("e");
    const sign = e.startsWith("-") ? "-" : "+";
    return `${mant}e${sign}${e.replace(/^[-+]/, "").padStart(2, "0")}`;
  }
  return String(n);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Format a decoded JSON value as Go's %#v (e.g. `map[string]interface {}{"kind":"List"}`). */
export function goSharpV(v: unknown, top = true): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, false)).join(", ")}}`;
  if (isMap(v)) {
    const body = sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k], false)}`);
    return `map[string]interface {}{${body.join(", ")}}`;
  }
  return top ? String(v) : goQuote(String(v));
}

/** Format a decoded JSON value as Go's %v (e.g. `map[a:1 b:x]`, `[x y]`, `<nil>`). */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(" ")}]`;
  if (isMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goV(v[k])}`)
      .join(" ")}]`;
  return String(v);
}
