// The text filters readers pipe output into: grep, head, tail, wc, sort, uniq, cut, tr, awk, base64, sed.
// Each takes argv, stdin and (where files exist) file access, and prints what GNU coreutils would.
import { awk } from "./text-awk.ts";
import { grep } from "./text-grep.ts";
import {
  fail,
  invalidOption,
  join,
  lines,
  ok,
  openError,
  readAll,
  readInputs,
  type TextFiles,
  type TextTool,
  type ToolResult,
} from "./text-input.ts";
import { sed } from "./text-sed.ts";

export type { TextFiles, TextTool, ToolResult } from "./text-input.ts";

interface Count {
  n: number;
  fromStart: boolean;
  bytes: boolean;
}

// Parse -n N, -nN, -N, -c N, +N for head and tail; the rest are file operands.
function countArgs(tool: string, args: string[]): { count: Count; files: string[] } | ToolResult {
  const count: Count = { n: 10, fromStart: false, bytes: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^-([nc])(.*)$/.exec(a);
    if (m) {
      const v = m[2] !== "" ? m[2] : (args[++i] ?? "");
      if (!/^[+-]?\d+$/.test(v)) {
        const what = m[1] === "n" ? "lines" : "bytes";
        return fail(`${tool}: invalid number of ${what}: '${v}'\n`);
      }
      count.n = Math.abs(Number(v));
      count.fromStart = v.startsWith("+");
      count.bytes = m[1] === "c";
    } else if (/^-\d+$/.test(a)) count.n = Number(a.slice(1));
    else if (a === "-q" || a === "-v") continue;
    // A one-shot run cannot wait for more lines: `tail -f` prints what is there (tail-follow.ts follows).
    else if (tool === "tail" && (a === "-f" || a === "-F")) continue;
    else if (a.startsWith("-") && a !== "-") return invalidOption(tool, a[1]);
    else files.push(a);
  }
  return { count, files };
}

function headOrTail(tool: "head" | "tail", args: string[], input: string, files?: TextFiles): ToolResult {
  const parsed = countArgs(tool, args);
  if ("exitCode" in parsed) return parsed;
  const { count, files: ops } = parsed;
  const inputs = readInputs(ops, input, files);
  let stdout = "";
  let stderr = "";
  inputs.forEach((inp, k) => {
    if (inp.error !== undefined) {
      stderr += openError(tool, inp, files?.flavor);
      return;
    }
    if (inputs.length > 1)
      stdout += `${k > 0 ? "\n" : ""}==> ${inp.name === "-" ? "standard input" : inp.name} <==\n`;
    const text = inp.text ?? "";
    if (count.bytes) {
      const b = new TextEncoder().encode(text);
      const part =
        tool === "head"
          ? b.slice(0, count.n)
          : count.fromStart
            ? b.slice(Math.max(0, count.n - 1))
            : b.slice(Math.max(0, b.length - count.n));
      stdout += new TextDecoder().decode(part);
      return;
    }
    const l = lines(text);
    const { n, fromStart } = count;
    const keep =
      tool === "head" ? l.slice(0, n) : fromStart ? l.slice(Math.max(0, n - 1)) : n === 0 ? [] : l.slice(-n);
    // A last line without a newline stays without one, as in the input.
    const out = join(keep);
    stdout +=
      keep.length && !text.endsWith("\n") && keep[keep.length - 1] === l[l.length - 1]
        ? out.slice(0, -1)
        : out;
  });
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function wc(args: string[], input: string, files?: TextFiles): ToolResult {
  const want = new Set<string>();
  const ops: string[] = [];
  for (const a of args) {
    if (/^-[lwcm]+$/.test(a)) for (const f of a.slice(1)) want.add(f === "m" ? "c" : f);
    else if (a.startsWith("-") && a !== "-") return invalidOption("wc", a[1]);
    else ops.push(a);
  }
  const order = ["l", "w", "c"].filter((f) => want.size === 0 || want.has(f));
  const counts = (s: string) => ({
    l: (s.match(/\n/g) ?? []).length,
    w: s.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(s).length,
  });
  const inputs = readInputs(ops, input, files);
  const rows: Array<{ v: Record<string, number>; name: string }> = [];
  let stderr = "";
  for (const inp of inputs) {
    if (inp.error !== undefined) stderr += openError("wc", inp, files?.flavor);
    else rows.push({ v: counts(inp.text ?? ""), name: inp.name === "-" && ops.length === 0 ? "" : inp.name });
  }
  if (rows.length > 1) {
    const total = { l: 0, w: 0, c: 0 };
    for (const r of rows) for (const k of ["l", "w", "c"] as const) total[k] += r.v[k];
    rows.push({ v: total, name: "total" });
  }
  // GNU wc sizes columns by the total byte count of regular files, and uses 7 for a pipe.
  const fromFiles = ops.length > 0 && ops.every((o) => o !== "-");
  const width =
    order.length === 1 && rows.length === 1
      ? 1
      : fromFiles
        ? String(rows.reduce((m, r) => Math.max(m, r.v.c), 0)).length
        : 7;
  const stdout = rows
    .map(
      (r) => `${order.map((k) => String(r.v[k]).padStart(width)).join(" ")}${r.name ? ` ${r.name}` : ""}\n`,
    )
    .join("");
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function sort(args: string[], input: string, files?: TextFiles): ToolResult {
  let numeric = false;
  let reverse = false;
  let unique = false;
  let key = 0;
  let sep: string | null = null;
  const ops: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-k" || a === "-t") {
      const v = args[++i] ?? "";
      if (a === "-k") key = Number.parseInt(v, 10);
      else sep = v;
    } else if (a.startsWith("-k")) key = Number.parseInt(a.slice(2), 10);
    else if (a.startsWith("-t")) sep = a.slice(2);
    else if (/^-[nrubfh]+$/.test(a)) {
      numeric ||= /[nh]/.test(a);
      reverse ||= a.includes("r");
      unique ||= a.includes("u");
    } else if (a.startsWith("-") && a !== "-") return invalidOption("sort", a[1]);
    else ops.push(a);
  }
  const { text, stderr } = readAll("sort", ops, input, files);
  if (stderr) return fail(stderr, 2);
  const field = (l: string): string => {
    if (!key) return l;
    const parts = sep === null ? l.trim().split(/\s+/) : l.split(sep);
    return parts.slice(key - 1).join(sep ?? " ");
  };
  const l = lines(text);
  const cmp = (a: string, b: string) => {
    const fa = field(a);
    const fb = field(b);
    const c = numeric
      ? (Number.parseFloat(fa) || 0) - (Number.parseFloat(fb) || 0)
      : fa < fb
        ? -1
        : fa > fb
          ? 1
          : 0;
    return c !== 0 ? c : a < b ? -1 : a > b ? 1 : 0;
  };
  l.sort(cmp);
  if (reverse) l.reverse();
  return ok(join(unique ? l.filter((x, i) => i === 0 || cmp(l[i - 1], x) !== 0) : l));
}

function uniq(args: string[], input: string, files?: TextFiles): ToolResult {
  const flags = new Set<string>();
  const ops: string[] = [];
  for (const a of args) {
    if (/^-[cdu]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a.startsWith("-") && a !== "-") return invalidOption("uniq", a[1]);
    else ops.push(a);
  }
  const { text, stderr } = readAll("uniq", ops.slice(0, 1), input, files);
  if (stderr) return fail(stderr);
  const out: string[] = [];
  const counts: number[] = [];
  for (const l of lines(text)) {
    if (out.length && out[out.length - 1] === l) counts[counts.length - 1]++;
    else {
      out.push(l);
      counts.push(1);
    }
  }
  const keep = out
    .map((l, i) => ({ l, n: counts[i] }))
    .filter((e) => (!flags.has("d") || e.n > 1) && (!flags.has("u") || e.n === 1));
  return ok(join(keep.map((e) => (flags.has("c") ? `${String(e.n).padStart(7)} ${e.l}` : e.l))));
}

function ranges(list: string): Set<number> {
  const want = new Set<number>();
  for (const part of list.split(",")) {
    const [a, b] = part.split("-");
    const lo = Number(a || 1);
    const hi = part.includes("-") ? (b ? Number(b) : 4096) : lo;
    for (let i = lo; i <= hi; i++) want.add(i);
  }
  return want;
}

function cut(args: string[], input: string, files?: TextFiles): ToolResult {
  let delim = "\t";
  let fields = "";
  let chars = "";
  let onlyDelimited = false;
  const ops: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^-([dfcb])(.*)$/.exec(a);
    if (m) {
      const v = m[2] !== "" ? m[2] : (args[++i] ?? "");
      if (m[1] === "d") delim = v;
      else if (m[1] === "f") fields = v;
      else chars = v;
    } else if (a === "-s") onlyDelimited = true;
    else if (a.startsWith("-") && a !== "-") return invalidOption("cut", a[1]);
    else ops.push(a);
  }
  if (!fields && !chars)
    return fail(
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    );
  if (delim.length !== 1)
    return fail("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
  const { text, stderr } = readAll("cut", ops, input, files);
  const out: string[] = [];
  if (chars) {
    const want = ranges(chars);
    for (const l of lines(text)) out.push([...l].filter((_, i) => want.has(i + 1)).join(""));
  } else {
    const want = ranges(fields);
    for (const l of lines(text)) {
      if (!l.includes(delim)) {
        if (!onlyDelimited) out.push(l);
        continue;
      }
      out.push(
        l
          .split(delim)
          .filter((_, i) => want.has(i + 1))
          .join(delim),
      );
    }
  }
  return { stdout: join(out), stderr, exitCode: stderr ? 1 : 0 };
}

const TR_CLASSES: Record<string, string> = {
  lower: "abcdefghijklmnopqrstuvwxyz",
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  digit: "0123456789",
  space: " \t\n\r\v\f",
  blank: " \t",
  punct: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
  xdigit: "0123456789ABCDEFabcdef",
};
TR_CLASSES.alpha = TR_CLASSES.lower + TR_CLASSES.upper;
TR_CLASSES.alnum = TR_CLASSES.alpha + TR_CLASSES.digit;

const TR_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};

// Read one character of a set at i, decoding `\\`, `\n`, `\t`... and octal `\NNN` (1 to 3 digits, so `\0` is NUL).
function trChar(src: string, i: number): [string, number] {
  if (src[i] !== "\\" || i + 1 >= src.length) return [src[i], i + 1];
  const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
  if (oct) return [String.fromCharCode(Number.parseInt(oct[0], 8) & 0xff), i + 1 + oct[0].length];
  return [TR_ESCAPES[src[i + 1]] ?? src[i + 1], i + 2];
}

/** Expand a tr set: ranges, [:classes:] and backslash escapes (as GNU and busybox tr read them). */
export function trSet(src: string): string[] {
  const chars: string[] = [];
  let i = 0;
  while (i < src.length) {
    const cls = /^\[:(\w+):\]/.exec(src.slice(i));
    if (cls && TR_CLASSES[cls[1]] !== undefined) {
      chars.push(...TR_CLASSES[cls[1]]);
      i += cls[0].length;
      continue;
    }
    const [c, next] = trChar(src, i);
    if (src[next] === "-" && next + 1 < src.length) {
      const [hi, after] = trChar(src, next + 1);
      for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      i = after;
    } else {
      chars.push(c);
      i = next;
    }
  }
  return chars;
}

function tr(args: string[], input: string): ToolResult {
  const flags = new Set<string>();
  const sets: string[] = [];
  for (const a of args) {
    if (/^-[dsc]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a.startsWith("-") && a.length > 1) return invalidOption("tr", a[1]);
    else sets.push(a);
  }
  const need = flags.has("d") && !flags.has("s") ? 1 : flags.has("s") && !flags.has("d") ? 1 : 2;
  if (sets.length === 0) return fail("tr: missing operand\nTry 'tr --help' for more information.\n");
  if (sets.length < need)
    return fail(
      `tr: missing operand after '${sets[0]}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`,
    );
  if (sets.length > 2 || (sets.length > need && flags.has("d")))
    return fail(`tr: extra operand '${sets[need]}'\nTry 'tr --help' for more information.\n`);
  const a = trSet(sets[0]);
  const b = sets[1] !== undefined ? trSet(sets[1]) : [];
  let out = "";
  for (const ch of input) {
    const k = a.indexOf(ch);
    if (flags.has("d")) {
      if (k < 0) out += ch;
    } else if (k >= 0 && b.length) out += b[Math.min(k, b.length - 1)];
    else out += ch;
  }
  if (flags.has("s")) {
    const squeeze = new Set(b.length ? b : a);
    out = [...out].filter((c, i, all) => !(i > 0 && all[i - 1] === c && squeeze.has(c))).join("");
  }
  return ok(out);
}

function base64(args: string[], input: string, files?: TextFiles): ToolResult {
  const decode = args.includes("-d") || args.includes("--decode");
  const ops = args.filter((a) => !a.startsWith("-") || a === "-");
  const { text, stderr } = readAll("base64", ops, input, files);
  if (stderr) return fail(stderr);
  if (decode) {
    try {
      const bin = atob(text.replace(/\s+/g, ""));
      return ok(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    } catch {
      return fail("base64: invalid input\n");
    }
  }
  let bin = "";
  for (const x of new TextEncoder().encode(text)) bin += String.fromCharCode(x);
  const enc = btoa(bin);
  return ok(enc ? `${enc.replace(/(.{76})/g, "$1\n").replace(/\n$/, "")}\n` : "");
}

/** The filters, by command name. */
export const TEXT_TOOLS: Record<string, TextTool> = {
  grep,
  head: (a, i, f) => headOrTail("head", a, i, f),
  tail: (a, i, f) => headOrTail("tail", a, i, f),
  wc,
  sort,
  uniq,
  cut,
  tr,
  awk,
  base64,
  sed,
};
