// A small awk: BEGIN/END, patterns (/re/, comparisons, &&, ||, !), print, printf, next, assignments,
// fields ($N, $NF), NR, NF, -F, -v, and length, substr, index, toupper, tolower. Errors as mawk words them.
import { AwkError, AwkParser, type Node, type Rule, type Stmt, tokenizeAwk } from "./text-awk-parse.ts";
import { fail, lines, readAll, type TextFiles, type ToolResult } from "./text-input.ts";

type Val = string | number;

const num = (v: Val): number => (typeof v === "number" ? v : Number.parseFloat(v) || 0);
const looksNumeric = (v: Val) =>
  typeof v === "number" || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
/** Print a value as awk does: integers plainly, other numbers with %.6g. */
const str = (v: Val): string =>
  typeof v === "string" ? v : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));

const FUNCS: Record<string, (a: Val[], rec: string) => Val> = {
  length: (a, rec) => (a.length ? str(a[0]) : rec).length,
  substr: (a) => {
    const s = str(a[0] ?? "");
    const m = Math.round(num(a[1] ?? 1));
    const n = a.length > 2 ? Math.round(num(a[2])) : Number.POSITIVE_INFINITY;
    const from = Math.max(m, 1);
    const to = Math.min(m + n, s.length + 1);
    return to > from ? s.slice(from - 1, to - 1) : "";
  },
  index: (a) => str(a[0] ?? "").indexOf(str(a[1] ?? "")) + 1,
  toupper: (a) => str(a[0] ?? "").toUpperCase(),
  tolower: (a) => str(a[0] ?? "").toLowerCase(),
};

function printf(args: Val[]): string {
  const [fmt, ...rest] = args.map((v) => v);
  let k = 0;
  return str(fmt ?? "").replace(/%([-0]?)(\d*)(?:\.(\d+))?([sdifcx%])/g, (_, flag, w, prec, conv) => {
    if (conv === "%") return "%";
    const v = rest[k++] ?? "";
    let s =
      conv === "d" || conv === "i"
        ? String(Math.trunc(num(v)))
        : conv === "f"
          ? num(v).toFixed(prec === undefined ? 6 : Number(prec))
          : conv === "x"
            ? Math.trunc(num(v)).toString(16)
            : conv === "c"
              ? str(v).slice(0, 1)
              : prec !== undefined
                ? str(v).slice(0, Number(prec))
                : str(v);
    const width = Number(w || 0);
    if (s.length < width) s = flag === "-" ? s.padEnd(width) : s.padStart(width, flag === "0" ? "0" : " ");
    return s;
  });
}

class NextRecord {}

/** Run awk on stdin or files. */
export function awk(args: string[], input: string, files?: TextFiles): ToolResult {
  let fs = " ";
  const vars: Record<string, Val> = {};
  let program: string | undefined;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (program === undefined && a.startsWith("-F")) fs = a.length > 2 ? a.slice(2) : (args[++i] ?? " ");
    else if (program === undefined && a === "-v") {
      const m = /^([A-Za-z_]\w*)=(.*)$/.exec(args[++i] ?? "");
      if (m) vars[m[1]] = m[2];
    } else if (program === undefined && a.startsWith("-") && a.length > 1)
      return fail(`awk: not an option: ${a}\n`, 2);
    else if (program === undefined) program = a;
    else operands.push(a);
  }
  if (program === undefined)
    return fail("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n", 2);
  let rules: Rule[];
  try {
    rules = new AwkParser(tokenizeAwk(program)).program();
  } catch (e) {
    if (!(e instanceof AwkError)) throw e;
    return fail(`awk: line 1: ${e.message}\n`, 2);
  }
  const { text, stderr } = readAll("awk", operands, input, files);
  if (fs === "\\t" || fs === "t") fs = "\t";
  let out = "";
  let record = "";
  let fields: string[] = [];
  const split = (r: string) =>
    fs === " "
      ? r.trim().split(/\s+/).filter(Boolean)
      : fs.length === 1
        ? r.split(fs)
        : r.split(new RegExp(fs));
  const setRecord = (r: string) => {
    record = r;
    fields = split(r);
    vars.NF = fields.length;
  };
  const getField = (n: number): string => (n === 0 ? record : (fields[n - 1] ?? ""));
  const setField = (n: number, v: string) => {
    if (n === 0) setRecord(v);
    else {
      while (fields.length < n) fields.push("");
      fields[n - 1] = v;
      vars.NF = fields.length;
      record = fields.join(" ");
    }
  };
  const truthy = (v: Val) => (typeof v === "number" ? v !== 0 : v !== "");
  const evalNode = (n: Node): Val => {
    switch (n.t) {
      case "num":
      case "str":
        return n.v;
      case "re":
        return n.v.test(record) ? 1 : 0;
      case "var":
        return vars[n.name] ?? "";
      case "field":
        return getField(Math.trunc(num(evalNode(n.e))));
      case "not":
        return truthy(evalNode(n.e)) ? 0 : 1;
      case "neg":
        return -num(evalNode(n.e));
      case "call":
        return FUNCS[n.name](n.args.map(evalNode), record);
      case "incr":
      case "assign": {
        const old = evalNode(n.target);
        const rhs = n.t === "incr" ? n.d : evalNode(n.e);
        const op = n.t === "incr" ? "+=" : n.op;
        const v: Val = op === "=" ? rhs : arith(op[0], num(old), num(rhs));
        if (n.target.t === "var") vars[n.target.name] = v;
        else if (n.target.t === "field") setField(Math.trunc(num(evalNode(n.target.e))), str(v));
        return v;
      }
      case "bin": {
        if (n.op === "&&") return truthy(evalNode(n.l)) && truthy(evalNode(n.r)) ? 1 : 0;
        if (n.op === "||") return truthy(evalNode(n.l)) || truthy(evalNode(n.r)) ? 1 : 0;
        const l = evalNode(n.l);
        if (n.op === "~" || n.op === "!~") {
          const re = n.r.t === "re" ? n.r.v : new RegExp(str(evalNode(n.r)));
          return re.test(str(l)) === (n.op === "~") ? 1 : 0;
        }
        const r = evalNode(n.r);
        if (n.op === " ") return str(l) + str(r);
        if ("+-*/%".includes(n.op)) return arith(n.op, num(l), num(r));
        const numeric = looksNumeric(l) && looksNumeric(r);
        const c = numeric ? num(l) - num(r) : str(l) < str(r) ? -1 : str(l) > str(r) ? 1 : 0;
        const res = { "<": c < 0, "<=": c <= 0, "==": c === 0, "!=": c !== 0, ">": c > 0, ">=": c >= 0 }[
          n.op
        ];
        return res ? 1 : 0;
      }
    }
  };
  const exec = (body: Stmt[]): void => {
    for (const s of body) {
      if (s.t === "next") throw new NextRecord();
      if (s.t === "expr") evalNode(s.e);
      else if (s.t === "if") exec(truthy(evalNode(s.cond)) ? s.yes : s.no);
      else if (s.t === "printf") out += printf(s.args.map(evalNode));
      else out += `${s.args.length ? s.args.map((a) => str(evalNode(a))).join(" ") : record}\n`;
    }
  };
  vars.NR = 0;
  for (const r of rules) if (r.kind === "begin") exec(r.body ?? []);
  for (const l of lines(text)) {
    vars.NR = num(vars.NR) + 1;
    setRecord(l);
    try {
      for (const r of rules) {
        if (r.kind !== "main") continue;
        if (r.pattern && !truthy(evalNode(r.pattern))) continue;
        if (r.body) exec(r.body);
        else out += `${record}\n`;
      }
    } catch (e) {
      if (!(e instanceof NextRecord)) throw e;
    }
  }
  for (const r of rules) if (r.kind === "end") exec(r.body ?? []);
  return { stdout: out, stderr, exitCode: stderr ? 2 : 0 };
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    default:
      return a % b;
  }
}
