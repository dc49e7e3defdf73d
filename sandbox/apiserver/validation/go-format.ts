// Render values the way Go's fmt renders them inside field errors: `%q` for strings and `%#v` for
// maps, slices and structs, because kube-apiserver prints bad values with those verbs.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const SHORT_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/** Quote a string as Go's `%q` (strconv.Quote) does. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    const cp = ch.codePointAt(0) ?? 0;
    if (short) out += short;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += "\\ufffd"; // a lone surrogate is invalid UTF-8 in Go
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** Render a plain value (string, number, boolean, null) as a field error prints it. */
export function goValue(value: unknown): string {
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "null";
  return JSON.stringify(value);
}

/** Render a `map[string]string` as `%#v` does: sorted keys, or `(nil)` when absent. */
export function goStringMap(map: Record<string, string> | undefined): string {
  if (!map) return "map[string]string(nil)";
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`);
  return `map[string]string{${entries.join(", ")}}`;
}

/** Render a `[]string` as `%#v` does. */
export function goStringSlice(items: string[] | undefined): string {
  if (!items) return "[]string(nil)";
  return `[]string{${items.map((s) => goQuote(String(s))).join(", ")}}`;
}

interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

/** Render a metav1.LabelSelector as `%#v` does (`v1.LabelSelector{MatchLabels:..., MatchExpressions:...}`). */
export function goLabelSelector(sel: SelectorLike | undefined): string {
  const s = sel ?? {};
  const exprs = s.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? "")}, Operator:${goQuote(e.operator ?? "")}, Values:${goStringSlice(e.values)}}`,
        )
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** Render an intstr.IntOrString as `%#v` does. */
export function goIntOrString(v: number | string | undefined): string {
  if (typeof v === "string") return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}
