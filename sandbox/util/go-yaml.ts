// go-yaml v2's marshalling, as sigs.k8s.io/yaml drives it: kubectl's `-o yaml` and the manifests kubeadm
// writes both come out this way. Keys are sorted at every level (go-yaml's order: letters by code point,
// digit runs numerically, non-letters before letters), indent is 2, lists sit at their key's column, and
// strings are quoted only when YAML needs it.
import { writeString, YamlOut } from "./go-yaml-scalar.ts";

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Order two map keys as go-yaml v2's key sorter does. */
function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

/** A copy of a JSON-shaped value with every map's keys in the order toYaml prints them (undefined dropped). */
export function inYamlOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((x) => (x === undefined ? null : inYamlOrder(x)));
  if (value === null || typeof value !== "object") return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(src)) out[k] = inYamlOrder(src[k]);
  return out;
}

/** Format a float as Go's strconv.FormatFloat(f, 'g', -1, 64), which go-yaml uses. */
function goFloatG(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21 || (exp >= 6 && !Number.isInteger(n))) {
    const [mant, e] = n.toExponential().split("e");
    const sign = e.startsWith("-") ? "-" : "+";
    return `${mant}e${sign}${e.replace(/^[-+]/, "").padStart(2, "0")}`;
  }
  return String(n);
}

type Kind = "scalar" | "emptyMap" | "emptyList" | "map" | "list";

function kindOf(v: unknown): Kind {
  if (Array.isArray(v)) return v.length === 0 ? "emptyList" : "list";
  if (v !== null && typeof v === "object") {
    return sortedKeys(v as Record<string, unknown>).length === 0 ? "emptyMap" : "map";
  }
  return "scalar";
}

function writeScalar(out: YamlOut, v: unknown, indent: number): void {
  if (v === null || v === undefined) out.put("null");
  else if (typeof v === "string") writeString(out, v, indent);
  else if (typeof v === "number") out.put(goFloatG(v));
  else if (typeof v === "boolean") out.put(String(v));
  else writeString(out, String(v), indent);
}

// Write a value after `key:` or `-`, which the caller has just put on the current line.
function writeValue(out: YamlOut, v: unknown, indent: number, inList: boolean): void {
  switch (kindOf(v)) {
    case "scalar":
      out.put(" ");
      writeScalar(out, v, indent + 2);
      return;
    case "emptyMap":
      out.put(" {}");
      return;
    case "emptyList":
      out.put(" []");
      return;
    case "map":
      if (inList) {
        out.put(" ");
        writeMap(out, v as Record<string, unknown>, indent + 2, true);
      } else writeMap(out, v as Record<string, unknown>, indent + 2, false);
      return;
    case "list":
      // A list under a key is not indented; a list inside a list is.
      if (inList) {
        out.put(" ");
        writeList(out, v as unknown[], indent + 2, true);
      } else writeList(out, v as unknown[], indent, false);
  }
}

function writeMap(out: YamlOut, obj: Record<string, unknown>, indent: number, onCurrentLine: boolean): void {
  sortedKeys(obj).forEach((key, i) => {
    if (i > 0 || !onCurrentLine) out.startLine(indent);
    writeString(out, key, indent + 2, true);
    out.put(":");
    writeValue(out, obj[key], indent, false);
  });
}

function writeList(out: YamlOut, list: unknown[], indent: number, onCurrentLine: boolean): void {
  list.forEach((item, i) => {
    if (i > 0 || !onCurrentLine) out.startLine(indent);
    out.put("-");
    writeValue(out, item, indent, true);
  });
}

/** Print a value as kubectl's `-o yaml` does, ending in a newline. */
export function toYaml(value: unknown): string {
  const out = new YamlOut();
  switch (kindOf(value)) {
    case "map":
      writeMap(out, value as Record<string, unknown>, 0, true);
      break;
    case "list":
      writeList(out, value as unknown[], 0, true);
      break;
    case "emptyMap":
      out.put("{}");
      break;
    case "emptyList":
      out.put("[]");
      break;
    default:
      writeScalar(out, value, 2);
  }
  if (!out.text.endsWith("\n")) out.newline();
  return out.text;
}
