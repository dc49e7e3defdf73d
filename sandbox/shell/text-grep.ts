// `grep` as GNU grep 3.7 prints it: -v -i -c -n -w -o -l -h -H -q -r -E -F -m -A/-B/-C, on stdin or files.
import {
  fail,
  type Input,
  invalidOption,
  join,
  lines,
  readInputs,
  type TextFiles,
  type ToolResult,
} from "./text-input.ts";

interface GrepOpts {
  invert: boolean;
  icase: boolean;
  count: boolean;
  number: boolean;
  word: boolean;
  only: boolean;
  list: boolean;
  quiet: boolean;
  recursive: boolean;
  fixed: boolean;
  names: boolean | null;
  after: number;
  before: number;
  /** -m: stop after this many selected lines (-1: no limit). */
  max: number;
}

const USAGE = "grep [OPTION]... PATTERNS [FILE]...";

// Collect a directory's files depth first, in name order, for -r.
function walk(files: TextFiles, path: string, out: string[]): void {
  const names = files.list(path);
  if (names === null) {
    out.push(path);
    return;
  }
  for (const n of names) walk(files, `${path.replace(/\/$/, "")}/${n}`, out);
}

/** Run grep. */
export function grep(args: string[], input: string, files?: TextFiles): ToolResult {
  const o: GrepOpts = {
    invert: false,
    icase: false,
    count: false,
    number: false,
    word: false,
    only: false,
    list: false,
    quiet: false,
    recursive: false,
    fixed: false,
    names: null,
    after: 0,
    before: 0,
    max: -1,
  };
  let pattern: string | undefined;
  const operands: string[] = [];
  for (let ai = 0; ai < args.length; ai++) {
    const a = args[ai];
    const ctx = /^-([ABC])(\d*)$/.exec(a);
    if (ctx) {
      const n = Number(ctx[2] || args[++ai]);
      if (ctx[1] !== "B") o.after = n;
      if (ctx[1] !== "A") o.before = n;
      continue;
    }
    if (a === "-e") {
      pattern = args[++ai];
      continue;
    }
    const max = /^(?:-m|--max-count=)(.*)$/.exec(a);
    if (max) {
      const v = max[1] !== "" || a.startsWith("--") ? max[1] : (args[++ai] ?? "");
      if (!/^\d+$/.test(v)) return fail("grep: invalid max count\n", 2);
      o.max = Number(v);
      continue;
    }
    if (a.startsWith("--")) {
      if (a === "--recursive") o.recursive = true;
      else if (a === "--count") o.count = true;
      else if (a === "--invert-match") o.invert = true;
      else if (a === "--ignore-case") o.icase = true;
      else
        return fail(
          `grep: unrecognized option '${a}'\nUsage: ${USAGE}\nTry 'grep --help' for more information.\n`,
          2,
        );
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (const f of a.slice(1)) {
        const set: Record<string, keyof GrepOpts> = {
          v: "invert",
          i: "icase",
          c: "count",
          n: "number",
          w: "word",
          o: "only",
          l: "list",
          q: "quiet",
          r: "recursive",
          R: "recursive",
          F: "fixed",
        };
        if (set[f]) (o[set[f]] as boolean) = true;
        else if (f === "h") o.names = false;
        else if (f === "H") o.names = true;
        else if (f === "E" || f === "s") continue;
        else return invalidOption("grep", f, USAGE);
      }
    } else if (pattern === undefined) pattern = a;
    else operands.push(a);
  }
  if (pattern === undefined) return fail(`Usage: ${USAGE}\nTry 'grep --help' for more information.\n`, 2);
  const source = o.fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pattern;
  let re: RegExp;
  try {
    re = new RegExp(o.word ? `\\b(?:${source})\\b` : source, o.icase ? "gi" : "g");
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), o.icase ? "gi" : "g");
  }
  let paths = operands;
  if (o.recursive && files) {
    paths = [];
    for (const p of operands.length ? operands : ["."]) walk(files, p, paths);
  }
  const inputs = readInputs(paths, input, files);
  const prefix = o.names ?? (paths.length > 1 || o.recursive);
  let stdout = "";
  let stderr = "";
  let matched = false;
  for (const inp of inputs) {
    if (inp.error !== undefined) {
      stderr += `grep: ${inp.name}: ${inp.error}\n`;
      continue;
    }
    const r = grepOne(inp, re, o, prefix ? `${inp.name === "-" ? "(standard input)" : inp.name}` : "");
    if (r.n > 0) matched = true;
    if (o.quiet) continue;
    stdout += r.out;
    if (o.quiet && matched) break;
  }
  const code = o.quiet && matched ? 0 : stderr ? 2 : matched ? 0 : 1;
  return { stdout: o.quiet ? "" : stdout, stderr, exitCode: code };
}

function grepOne(inp: Input, re: RegExp, o: GrepOpts, name: string): { out: string; n: number } {
  const all = lines(inp.text ?? "");
  let left = o.max < 0 ? Number.POSITIVE_INFINITY : o.max;
  // After -m's last selected line grep reads no further; what follows can only be trailing context.
  const hits = all.map((l) => {
    if (left <= 0) return false;
    re.lastIndex = 0;
    const hit = re.test(l) !== o.invert;
    if (hit) left--;
    return hit;
  });
  const n = hits.filter(Boolean).length;
  if (o.list) return { out: n ? `${name || inp.name}\n` : "", n };
  if (o.count) return { out: `${name ? `${name}:` : ""}${n}\n`, n };
  const out: string[] = [];
  const tag = (k: number, sep: string) => `${name ? `${name}${sep}` : ""}${o.number ? `${k + 1}${sep}` : ""}`;
  let lastPrinted = -1;
  all.forEach((l, i) => {
    if (!hits[i]) return;
    if (o.only && !o.invert) {
      for (const m of l.match(re) ?? []) out.push(`${tag(i, ":")}${m}`);
      return;
    }
    const from = Math.max(i - o.before, lastPrinted + 1);
    if ((o.before || o.after) && lastPrinted >= 0 && from > lastPrinted + 1) out.push("--");
    for (let k = from; k <= i; k++) out.push(`${tag(k, k === i ? ":" : "-")}${all[k]}`);
    lastPrinted = i;
    for (let k = i + 1; k <= Math.min(all.length - 1, i + o.after) && !hits[k]; k++) {
      out.push(`${tag(k, "-")}${all[k]}`);
      lastPrinted = k;
    }
  });
  return { out: join(out), n };
}
