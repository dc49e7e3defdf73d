// The text filters readers pipe kubectl output into: grep, head, tail, wc, sort, uniq, cut, awk, base64.
// Each takes argv and stdin and returns what GNU coreutils would print (the common flags only).

/** The result of a command. */
export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string): ToolResult => ({ stdout, stderr: "", exitCode: 0 });
const fail = (stderr: string, exitCode = 1): ToolResult => ({ stdout: "", stderr, exitCode });

function lines(s: string): string[] {
  if (s === "") return [];
  const l = s.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

const join = (l: string[]) => (l.length ? `${l.join("\n")}\n` : "");

function grep(args: string[], input: string): ToolResult {
  let invert = false;
  let icase = false;
  let count = false;
  let number = false;
  let word = false;
  let only = false;
  let after = 0;
  let before = 0;
  let pattern: string | undefined;
  for (let ai = 0; ai < args.length; ai++) {
    const a = args[ai];
    const ctx = /^-([ABC])(\d*)$/.exec(a);
    if (ctx && pattern === undefined) {
      const n = Number(ctx[2] || args[++ai]);
      if (ctx[1] !== "B") after = n;
      if (ctx[1] !== "A") before = n;
      continue;
    }
    if (a.startsWith("-") && a.length > 1 && pattern === undefined) {
      for (const f of a.slice(1)) {
        if (f === "v") invert = true;
        else if (f === "i") icase = true;
        else if (f === "c") count = true;
        else if (f === "n") number = true;
        else if (f === "w") word = true;
        else if (f === "o") only = true;
        else if (f === "E" || f === "F") continue;
        else
          return fail(
            `grep: invalid option -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
            2,
          );
      }
    } else if (pattern === undefined) pattern = a;
  }
  if (pattern === undefined)
    return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
  let re: RegExp;
  try {
    re = new RegExp(word ? `\\b(?:${pattern})\\b` : pattern, icase ? "gi" : "g");
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), icase ? "gi" : "g");
  }
  const out: string[] = [];
  let n = 0;
  const all = lines(input);
  const hits = all.map((l) => {
    re.lastIndex = 0;
    return re.test(l) !== invert;
  });
  let lastPrinted = -1;
  all.forEach((l, i) => {
    if (!hits[i]) return;
    n++;
    if (only && !invert) {
      for (const m of l.match(re) ?? []) out.push(m);
      return;
    }
    const from = Math.max(i - before, lastPrinted + 1);
    if ((before || after) && lastPrinted >= 0 && from > lastPrinted + 1) out.push("--");
    for (let k = from; k <= i; k++) out.push(number ? `${k + 1}${k === i ? ":" : "-"}${all[k]}` : all[k]);
    lastPrinted = i;
    for (let k = i + 1; k <= Math.min(all.length - 1, i + after) && !hits[k]; k++) {
      out.push(number ? `${k + 1}-${all[k]}` : all[k]);
      lastPrinted = k;
    }
  });
  if (count) return { stdout: `${n}\n`, stderr: "", exitCode: n ? 0 : 1 };
  return { stdout: join(out), stderr: "", exitCode: n ? 0 : 1 };
}

function countArg(args: string[], dflt: number): { n: number; fromStart: boolean } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-n") return parseCount(args[i + 1] ?? "");
    if (a.startsWith("-n")) return parseCount(a.slice(2));
    if (/^-\d+$/.test(a)) return { n: Number(a.slice(1)), fromStart: false };
  }
  return { n: dflt, fromStart: false };
}

function parseCount(s: string): { n: number; fromStart: boolean } {
  return s.startsWith("+") ? { n: Number(s.slice(1)), fromStart: true } : { n: Number(s), fromStart: false };
}

function head(args: string[], input: string): ToolResult {
  return ok(join(lines(input).slice(0, countArg(args, 10).n)));
}

function tail(args: string[], input: string): ToolResult {
  const { n, fromStart } = countArg(args, 10);
  const l = lines(input);
  return ok(join(fromStart ? l.slice(Math.max(0, n - 1)) : n === 0 ? [] : l.slice(-n)));
}

function wc(args: string[], input: string): ToolResult {
  const l = (input.match(/\n/g) ?? []).length;
  const w = input.split(/\s+/).filter(Boolean).length;
  const c = new TextEncoder().encode(input).length;
  if (args.includes("-l")) return ok(`${l}\n`);
  if (args.includes("-w")) return ok(`${w}\n`);
  if (args.includes("-c")) return ok(`${c}\n`);
  return ok(`${String(l).padStart(7)} ${String(w).padStart(7)} ${String(c).padStart(7)}\n`);
}

function sort(args: string[], input: string): ToolResult {
  const flags = args.filter((a) => a.startsWith("-")).join("");
  const l = lines(input);
  const numeric = flags.includes("n");
  l.sort((a, b) => (numeric ? Number.parseFloat(a) - Number.parseFloat(b) : a < b ? -1 : a > b ? 1 : 0));
  if (flags.includes("r")) l.reverse();
  return ok(join(flags.includes("u") ? [...new Set(l)] : l));
}

function uniq(args: string[], input: string): ToolResult {
  const out: string[] = [];
  const counts: number[] = [];
  for (const l of lines(input)) {
    if (out.length && out[out.length - 1] === l) counts[counts.length - 1]++;
    else {
      out.push(l);
      counts.push(1);
    }
  }
  if (args.includes("-c")) return ok(join(out.map((l, i) => `${String(counts[i]).padStart(7)} ${l}`)));
  return ok(join(out));
}

function cut(args: string[], input: string): ToolResult {
  let delim = "\t";
  let fields = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-d") delim = args[++i] ?? "\t";
    else if (a.startsWith("-d")) delim = a.slice(2);
    else if (a === "-f") fields = args[++i] ?? "";
    else if (a.startsWith("-f")) fields = a.slice(2);
  }
  if (!fields)
    return fail(
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    );
  const want = new Set<number>();
  for (const part of fields.split(",")) {
    const [a, b] = part.split("-");
    const lo = Number(a || 1);
    const hi = part.includes("-") ? Number(b || 1000) : lo;
    for (let i = lo; i <= hi; i++) want.add(i);
  }
  return ok(
    join(
      lines(input).map((l) =>
        l.includes(delim)
          ? l
              .split(delim)
              .filter((_, i) => want.has(i + 1))
              .join(delim)
          : l,
      ),
    ),
  );
}

function awk(args: string[], input: string): ToolResult {
  const prog = args.find((a) => !a.startsWith("-")) ?? "";
  const m = /^\s*(?:NR\s*>\s*(\d+)\s*)?\{\s*print\s*(.*?)\s*\}\s*$/.exec(prog);
  if (!m) return fail(`awk: this shell's awk only runs '{print $N, ...}' programs\n`, 2);
  const skip = m[1] ? Number(m[1]) : 0;
  const exprs = m[2] ? m[2].split(",").map((e) => e.trim()) : ["$0"];
  const out = lines(input)
    .slice(skip)
    .map((l) => {
      const f = l.trim().split(/\s+/);
      return exprs
        .map((e) =>
          e === "$0"
            ? l
            : e === "$NF"
              ? f[f.length - 1]
              : /^\$\d+$/.test(e)
                ? (f[Number(e.slice(1)) - 1] ?? "")
                : e.replace(/^"|"$/g, ""),
        )
        .join(" ");
    });
  return ok(join(out));
}

function base64(args: string[], input: string): ToolResult {
  const bytes = (s: string) => new TextEncoder().encode(s);
  if (args.includes("-d") || args.includes("--decode")) {
    try {
      const bin = atob(input.replace(/\s+/g, ""));
      return ok(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    } catch {
      return fail("base64: invalid input\n");
    }
  }
  const b = bytes(input);
  let bin = "";
  for (const x of b) bin += String.fromCharCode(x);
  const enc = btoa(bin);
  return ok(`${enc.replace(/(.{76})/g, "$1\n")}\n`);
}

/** The filters, by command name. */
export const TEXT_TOOLS: Record<string, (args: string[], input: string) => ToolResult> = {
  grep,
  head,
  tail,
  wc,
  sort,
  uniq,
  cut,
  awk,
  base64,
};
