// Parse the awk subset: rules, statements and expressions with awk's precedence.

/** Built-in functions the evaluator knows. */
export const AWK_FUNCTIONS = ["length", "substr", "index", "toupper", "tolower"];

/** A parsed awk expression. */
export type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "re"; v: RegExp }
  | { t: "var"; name: string }
  | { t: "field"; e: Node }
  | { t: "bin"; op: string; l: Node; r: Node }
  | { t: "not" | "neg"; e: Node }
  | { t: "assign"; op: string; target: Node; e: Node }
  | { t: "incr"; d: number; target: Node }
  | { t: "call"; name: string; args: Node[] };
/** A parsed awk statement. */
export type Stmt =
  | { t: "print" | "printf"; args: Node[] }
  | { t: "next" }
  | { t: "expr"; e: Node }
  | { t: "if"; cond: Node; yes: Stmt[]; no: Stmt[] };
/** One pattern-action rule (or BEGIN/END block). */
export interface Rule {
  kind: "begin" | "end" | "main";
  pattern?: Node;
  body: Stmt[] | null;
}

/** A program error, worded as mawk words it after `awk: line 1: `. */
export class AwkError extends Error {}

const TOKEN =
  /^(?:[ \t]*)(?:(\d+(?:\.\d*)?)|("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|(&&|\|\||==|!=|<=|>=|!~|\+\+|--|[-+*/%]=|[-+*/%<>!~=$(){},;?:\n]))/;

/** Split awk program text into tokens; `/re/` is a regex where an operand is expected. */
export function tokenizeAwk(src: string): string[] {
  const out: string[] = [];
  let s = src;
  while (s.trim() !== "") {
    // A slash starts a regex where an operand is expected.
    const prev = out[out.length - 1];
    const operandPos = prev === undefined || /^(?:[(,{;\n!~&|=<>]|&&|\|\||==|!=|!~|~)$/.test(prev);
    const rest = s.replace(/^[ \t]*/, "");
    const lead = s.length - rest.length;
    if (operandPos && rest.startsWith("/")) {
      const body = /^\/((?:[^/\\]|\\.)*)\//.exec(rest);
      if (!body) throw new AwkError("runaway regular expression");
      out.push(`/${body[1]}/`);
      s = s.slice(lead + body[0].length);
      continue;
    }
    const m = TOKEN.exec(s);
    if (!m) throw new AwkError(`syntax error at or near ${s.trim()[0]}`);
    out.push(m[0].trim() === "" ? "\n" : m[0].trim());
    s = s.slice(m[0].length);
  }
  return out;
}

/** Parse awk tokens into rules. */
export class AwkParser {
  private i = 0;
  private readonly toks: string[];
  constructor(toks: string[]) {
    this.toks = toks;
  }
  private peek = () => this.toks[this.i];
  private next = () => this.toks[this.i++];
  private eat(t: string): void {
    if (this.peek() !== t) throw new AwkError(`syntax error at or near ${this.peek() ?? "end of file"}`);
    this.i++;
  }
  private skipNl(): void {
    while (this.peek() === "\n" || this.peek() === ";") this.i++;
  }

  /** Parse the whole program. */
  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.i < this.toks.length) {
      const t = this.peek();
      if (t === "BEGIN" || t === "END") {
        this.i++;
        rules.push({ kind: t === "BEGIN" ? "begin" : "end", body: this.block() });
      } else {
        const pattern = t === "{" ? undefined : this.expr();
        rules.push({ kind: "main", pattern, body: this.peek() === "{" ? this.block() : null });
      }
      this.skipNl();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.eat("{");
    const out: Stmt[] = [];
    this.skipNl();
    while (this.peek() !== "}") {
      if (this.peek() === undefined) throw new AwkError("syntax error at or near end of file");
      out.push(this.stmt());
      this.skipNl();
    }
    this.eat("}");
    return out;
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (t === "{") return { t: "if", cond: { t: "num", v: 1 }, yes: this.block(), no: [] };
    if (t === "print" || t === "printf") {
      this.i++;
      const args: Node[] = [];
      if (!["}", ";", "\n", undefined].includes(this.peek())) {
        args.push(this.expr());
        while (this.peek() === ",") {
          this.i++;
          args.push(this.expr());
        }
      }
      return { t, args };
    }
    if (t === "next") {
      this.i++;
      return { t: "next" };
    }
    if (t === "if") {
      this.i++;
      this.eat("(");
      const cond = this.expr();
      this.eat(")");
      this.skipNl();
      const yes = this.peek() === "{" ? this.block() : [this.stmt()];
      const save = this.i;
      this.skipNl();
      if (this.peek() === "else") {
        this.i++;
        this.skipNl();
        return { t: "if", cond, yes, no: this.peek() === "{" ? this.block() : [this.stmt()] };
      }
      this.i = save;
      return { t: "if", cond, yes, no: [] };
    }
    return { t: "expr", e: this.expr() };
  }

  /** Parse one expression (assignments included). */
  expr(): Node {
    const left = this.or();
    const op = this.peek();
    if (["=", "+=", "-=", "*=", "/=", "%="].includes(op ?? "")) {
      if (left.t !== "var" && left.t !== "field") throw new AwkError(`syntax error at or near ${op}`);
      this.i++;
      return { t: "assign", op, target: left, e: this.expr() };
    }
    return left;
  }
  private binary(next: () => Node, ops: string[]): Node {
    let l = next.call(this);
    while (ops.includes(this.peek() ?? "")) {
      const op = this.next();
      l = { t: "bin", op, l, r: next.call(this) };
    }
    return l;
  }
  private or = (): Node => this.binary(this.and, ["||"]);
  private and = (): Node => this.binary(this.match, ["&&"]);
  private match = (): Node => this.binary(this.compare, ["~", "!~"]);
  private compare = (): Node => this.binary(this.concat, ["<", "<=", "==", "!=", ">", ">="]);
  private concat(): Node {
    let l = this.additive();
    const starts = (t?: string) =>
      t !== undefined &&
      (/^[\d"$(!A-Za-z_]/.test(t) || t.startsWith("/") || t === "-") &&
      !["in", "getline"].includes(t);
    while (starts(this.peek()) && this.peek() !== "-") l = { t: "bin", op: " ", l, r: this.additive() };
    return l;
  }
  private additive = (): Node => this.binary(this.term, ["+", "-"]);
  private term = (): Node => this.binary(this.unary, ["*", "/", "%"]);
  private unary(): Node {
    const t = this.peek();
    if (t === "!") {
      this.i++;
      return { t: "not", e: this.unary() };
    }
    if (t === "-") {
      this.i++;
      return { t: "neg", e: this.unary() };
    }
    if (t === "++" || t === "--") {
      this.i++;
      return { t: "incr", d: t === "++" ? 1 : -1, target: this.primary() };
    }
    const p = this.primary();
    if ((this.peek() === "++" || this.peek() === "--") && (p.t === "var" || p.t === "field")) {
      // Post-increment: the model returns the new value, which only differs inside larger expressions.
      return { t: "incr", d: this.next() === "++" ? 1 : -1, target: p };
    }
    return p;
  }
  private primary(): Node {
    const t = this.next();
    if (t === undefined) throw new AwkError("syntax error at or near end of file");
    if (t === "$") return { t: "field", e: this.primary() };
    if (t === "(") {
      const e = this.expr();
      this.eat(")");
      return e;
    }
    if (/^\d/.test(t)) return { t: "num", v: Number(t) };
    if (t.startsWith('"'))
      return {
        t: "str",
        v: t.slice(1, -1).replace(/\\(.)/g, (_, c) => ({ n: "\n", t: "\t" })[c as "n"] ?? c),
      };
    if (t.startsWith("/") && t.length > 1) return { t: "re", v: new RegExp(t.slice(1, -1)) };
    if (/^[A-Za-z_]/.test(t)) {
      if (this.peek() === "(" && AWK_FUNCTIONS.includes(t)) {
        this.i++;
        const args: Node[] = [];
        while (this.peek() !== ")") {
          args.push(this.expr());
          if (this.peek() === ",") this.i++;
        }
        this.i++;
        return { t: "call", name: t, args };
      }
      if (t === "length") return { t: "call", name: t, args: [] };
      return { t: "var", name: t };
    }
    throw new AwkError(`syntax error at or near ${t}`);
  }
}
