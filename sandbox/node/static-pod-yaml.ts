// A short writer for kubeadm's static pod manifests. Their maps are built with keys already in go-yaml's
// order and their strings need no quotes, so the text toYaml would print comes out without the general
// marshaller (whose many functions a cold boot would otherwise compile for these four files alone).
import { readsAsString } from "../util/go-yaml-resolve.ts";

// Strings go-yaml writes bare: no blanks, quotes or indicator characters, not `---`, read back as strings.
const BARE = /^(?!---)[\w/-][\w/.:=,*+-]*$/;
// Bare strings that cannot read as a number, date or base-60 (a word, a path, a flag, `100Mi`, `a.b.c.d:port`),
// so only YAML 1.1's reserved words need ruling out; others go through the full check.
const NOT_NUMBER =
  /^(?:(?:[A-Za-z_/]|-(?!--)[-A-Za-z])[\w/.:=,*+-]*|[1-9][0-9]*[A-Za-z]+|(?:\d+\.){3}\d+(?::\d+)?)$/;
const RESERVED =
  /^(?:[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

function bare(s: string): boolean {
  return NOT_NUMBER.test(s) ? !RESERVED.test(s) : BARE.test(s) && readsAsString(s);
}

/** Print a map whose keys are in go-yaml's order as toYaml does; undefined when any scalar would need more. */
export function staticPodYaml(value: Record<string, unknown>): string | undefined {
  const out: string[] = [];
  return writeMap(out, value, 0, true) ? `${out.join("")}\n` : undefined;
}

// Each writer mirrors its go-yaml.ts namesake and returns false on anything it does not cover.
function writeMap(out: string[], obj: Record<string, unknown>, indent: number, onLine: boolean): boolean {
  let first = true;
  for (const key in obj) {
    if (!first || !onLine) out.push(`\n${" ".repeat(indent)}`);
    first = false;
    if (!bare(key)) return false;
    out.push(`${key}:`);
    if (!writeValue(out, obj[key], indent, false)) return false;
  }
  return !first;
}

function writeList(out: string[], list: unknown[], indent: number, onLine: boolean): boolean {
  for (let i = 0; i < list.length; i++) {
    if (i > 0 || !onLine) out.push(`\n${" ".repeat(indent)}`);
    out.push("-");
    if (!writeValue(out, list[i], indent, true)) return false;
  }
  return true;
}

function writeValue(out: string[], v: unknown, indent: number, inList: boolean): boolean {
  if (Array.isArray(v)) {
    if (v.length === 0) out.push(" []");
    else if (!inList) return writeList(out, v, indent, false);
    else {
      out.push(" ");
      return writeList(out, v, indent + 2, true);
    }
    return true;
  }
  if (v !== null && typeof v === "object") {
    const obj = v as Record<string, unknown>;
    let empty = true;
    for (const _ in obj) {
      empty = false;
      break;
    }
    if (empty) out.push(" {}");
    else if (inList) {
      out.push(" ");
      return writeMap(out, obj, indent + 2, true);
    } else return writeMap(out, obj, indent + 2, false);
    return true;
  }
  if (v === null || typeof v === "boolean") out.push(` ${v}`);
  else if (typeof v === "number" && Number.isSafeInteger(v)) out.push(` ${v}`);
  else if (typeof v === "string" && bare(v)) out.push(` ${v}`);
  else return false;
  return true;
}
