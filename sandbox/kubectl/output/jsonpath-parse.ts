// Parser for kubectl's JSONPath template language (client-go util/jsonpath): text with `{…}` actions
// holding fields, `[i]`/`[a:b:c]`/`[*]` arrays, `[?(@.x=="y")]` filters, `..`, unions and range/end.

/** One slice parameter of `[start:end:step]`. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A parsed template node. */
export type JpNode =
  | { kind: "list"; nodes: JpNode[] }
  | { kind: "text"; text: string }
  | { kind: "field"; name: string }
  | { kind: "array"; params: [SliceParam, SliceParam, SliceParam] }
  | { kind: "filter"; left: JpList; right: JpList; op: string }
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "wildcard" }
  | { kind: "recursive" }
  | { kind: "union"; lists: JpList[] }
  | { kind: "identifier"; name: string };

/** A list node: a sequence of nodes evaluated one after another. */
export type JpList = { kind: "list"; nodes: JpNode[] };

const EOF = "";
const isTerminator = (r: string) => r === EOF || " \t\r\n.,[]$@{}".includes(r);
const isAlphaNumeric = (r: string) => r !== EOF && /^[_\p{L}\p{Nd}]$/u.test(r);

function codePointName(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${r}'`;
}

/** Unquote a '…' or "…" literal with Go escape sequences. */
function unquote(s: string): string {
  const q = s[0];
  const body = s.slice(1, -1);
  const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      if (c === q) throw new Error(`unquote string ${s} error invalid syntax`);
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new Error(`unquote string ${s} error invalid syntax`);
    if (simple[e]) out += simple[e];
    else if (e === "\\" || e === q) out += e;
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const digits = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== n)
        throw new Error(`unquote string ${s} error invalid syntax`);
      out += String.fromCodePoint(Number.parseInt(digits, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const digits = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(digits)) throw new Error(`unquote string ${s} error invalid syntax`);
      out += String.fromCharCode(Number.parseInt(digits, 8));
      i += 2;
    } else throw new Error(`unquote string ${s} error invalid syntax`);
  }
  return out;
}

class Parser {
  root: JpList = { kind: "list", nodes: [] };
  private input: string;
  private pos = 0;
  private start = 0;

  constructor(input: string) {
    this.input = input;
  }

  private next(): string {
    if (this.pos >= this.input.length) return EOF;
    return this.input[this.pos++];
  }
  private backup(r: string): void {
    if (r !== EOF) this.pos--;
  }
  private peek(): string {
    return this.pos < this.input.length ? this.input[this.pos] : EOF;
  }
  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }
  private rest(): string {
    return this.input.slice(this.pos);
  }

  parse(): JpList {
    this.parseText();
    return this.root;
  }

  private parseText(): void {
    for (;;) {
      if (this.rest().startsWith("{")) {
        if (this.pos > this.start) this.root.nodes.push({ kind: "text", text: this.consume() });
        this.pos++;
        this.consume();
        const action: JpList = { kind: "list", nodes: [] };
        this.root.nodes.push(action);
        if (this.parseAction(action)) continue;
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.nodes.push({ kind: "text", text: this.consume() });
  }

  // Parse inside `{…}`; returns true when the closing brace was reached.
  private parseAction(cur: JpList): boolean {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith("}")) {
        this.pos++;
        this.consume();
        return true;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || r === "\r" || r === "\n") throw new Error("unclosed action");
      if (r === " " || r === "@" || r === "$") this.consume();
      else if (r === "[") this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === ".") this.parseField(cur);
      else if (r === "+" || r === "-" || /[0-9]/.test(r)) {
        this.backup(r);
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup(r);
        this.parseIdentifier(cur);
      } else throw new Error(`unrecognized character in action: ${codePointName(r)}`);
    }
  }

  private parseIdentifier(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consume();
    if (value === "true" || value === "false") cur.nodes.push({ kind: "bool", value: value === "true" });
    else cur.nodes.push({ kind: "identifier", name: value });
  }

  private parseRecursive(cur: JpList): void {
    if (cur.nodes.at(-1)?.kind === "recursive") throw new Error("invalid multiple recursive descent");
    this.pos += 2;
    this.consume();
    cur.nodes.push({ kind: "recursive" });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JpList): void {
    if (this.peek() === "+" || this.peek() === "-") this.next();
    for (;;) {
      const r = this.next();
      if (r !== "." && !/[0-9]/.test(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consume();
    if (/^[-+]?[0-9]+$/.test(value)) cur.nodes.push({ kind: "int", value: Number(value) });
    else if (/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value))
      cur.nodes.push({ kind: "float", value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
  }

  private parseArray(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new Error("unterminated array");
      if (r === "]") break;
    }
    let text = this.consume().slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      cur.nodes.push({ kind: "union", lists: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/.exec(text);
    if (!m) throw new Error(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? "";
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") params.push({ value: 0, known: false, derived: false });
        else params.push({ value: Number.parseInt(v, 10), known: true, derived: false });
      } else if (i === 1) params.push({ value: params[0].value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ kind: "array", params: params as [SliceParam, SliceParam, SliceParam] });
  }

  private parseFilter(cur: JpList): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new Error("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.next() !== "]") throw new Error("unclosed array expect ]");
    const text = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
    if (!m)
      cur.nodes.push({
        kind: "filter",
        left: parseAction(text),
        right: { kind: "list", nodes: [] },
        op: "exists",
      });
    else cur.nodes.push({ kind: "filter", left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
  }

  private parseQuote(cur: JpList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new Error("unterminated quoted string");
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    cur.nodes.push({ kind: "text", text: unquote(this.consume()) });
  }

  private parseField(cur: JpList): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === "\\") this.next();
      else if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consume();
    if (value === "*") cur.nodes.push({ kind: "wildcard" });
    else cur.nodes.push({ kind: "field", name: value.replaceAll("\\", "") });
  }
}

function parseAction(text: string): JpList {
  return new Parser(`{${text}}`).parse().nodes[0] as JpList;
}

/** Parse a JSONPath template into its top-level nodes (text and `{…}` lists); throws the parser's error text. */
export function parseJsonPath(template: string): JpList {
  return new Parser(template).parse();
}
