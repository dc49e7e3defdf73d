// A short writer for kubeadm's static pod manifests. Their maps are built with keys already in go-yaml's
// order and their strings need no quotes, so the text toYaml would print comes out without the general
// marshaller (whose many functions a cold boot would otherwise compile for these four files alone).
import { readsAsString } from "../util/go-yaml-resolve.ts";

// Strings go-yaml writes bare: no blanks, quotes or indicator characters, not `---`, read back as strings.
const BARE = /^(?!---)[\w/-][\w/.:=,*+-]*$/;

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
    if (!BARE.test(key) || !readsAsString(key)) return false;
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
  else if (typeof v === "string" && BARE.test(v) && readsAsString(v)) out.push(` ${v}`);
  else return false;
  return true;
}
