// Shell arithmetic expansion `$((...))`: integers, variables by name, and C's operators by precedence.

/** An error in an arithmetic expression; the shell prints it and the command fails. */
export class ArithmeticError extends Error {}

type Tok = { k: "num"; v: number } | { k: "name"; v: string } | { k: "op"; v: string };

const OPS = [
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "&",
  "^",
  "|",
  "!",
  "~",
  "?",
  ":",
  "(",
  ")",
];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(0x[0-9a-fA-F]+|\d+)/.exec(src.slice(i));
    if (num) {
      const t = num[1];
      out.push({
        k: "num",
        v: t.startsWith("0x") ? Number.parseInt(t, 16) : /^0\d/.test(t) ? Number.parseInt(t, 8) : Number(t),
      });
      i += t.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ k: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithmeticError("arithmetic syntax error");
    out.push({ k: "op", v: op });
    i += op.length;
  }
  return out;
}

// Binary operators from loosest to tightest binding.
const LEVELS = [
  ["||"],
  ["&&"],
  ["|"],
  ["^"],
  ["&"],
  ["==", "!="],
  ["<", "<=", ">", ">="],
  ["<<", ">>"],
  ["+", "-"],
  ["*", "/", "%"],
];

/** Evaluate an arithmetic expression; names read `env` (unset or empty is 0). 64-bit wrap-around is not modelled. */
export function evalArithmetic(src: string, env: Record<string, string>): number {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.k === "op" && peek()!.v === v;
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case "||":
        return a || b ? 1 : 0;
      case "&&":
        return a && b ? 1 : 0;
      case "|":
        return a | b;
      case "^":
        return a ^ b;
      case "&":
        return a & b;
      case "==":
        return a === b ? 1 : 0;
      case "!=":
        return a !== b ? 1 : 0;
      case "<":
        return a < b ? 1 : 0;
      case "<=":
        return a <= b ? 1 : 0;
      case ">":
        return a > b ? 1 : 0;
      case ">=":
        return a >= b ? 1 : 0;
      case "<<":
        return a << b;
      case ">>":
        return a >> b;
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      default:
        if (b === 0) throw new ArithmeticError("division by zero");
        return op === "/" ? Math.trunc(a / b) : a % b;
    }
  };
  const variable = (name: string): number => {
    const v = (env[name] ?? "").trim();
    if (v === "") return 0;
    if (/^-?\d+$/.test(v)) return Number(v);
    return evalArithmetic(v, env);
  };
  const unary = (): number => {
    const t = peek();
    if (!t) throw new ArithmeticError("arithmetic syntax error");
    p++;
    if (t.k === "num") return t.v;
    if (t.k === "name") return variable(t.v);
    if (t.v === "(") {
      const v = ternary();
      if (!isOp(")")) throw new ArithmeticError("arithmetic syntax error");
      p++;
      return v;
    }
    if (t.v === "-") return -unary();
    if (t.v === "+") return unary();
    if (t.v === "!") return unary() ? 0 : 1;
    if (t.v === "~") return ~unary();
    throw new ArithmeticError("arithmetic syntax error");
  };
  const binary = (level: number): number => {
    if (level >= LEVELS.length) return unary();
    let v = binary(level + 1);
    while (peek()?.k === "op" && LEVELS[level].includes(String(peek()!.v))) {
      const op = String(toks[p++].v);
      v = apply(op, v, binary(level + 1));
    }
    return v;
  };
  const ternary = (): number => {
    const c = binary(0);
    if (!isOp("?")) return c;
    p++;
    const a = ternary();
    if (!isOp(":")) throw new ArithmeticError("arithmetic syntax error");
    p++;
    const b = ternary();
    return c ? a : b;
  };
  if (toks.length === 0) return 0;
  const v = ternary();
  if (p < toks.length) throw new ArithmeticError("arithmetic syntax error");
  return v;
}
