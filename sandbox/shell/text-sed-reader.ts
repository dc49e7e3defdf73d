// The lexical layer of sed's script compiler: a reader that counts characters as GNU sed 4.8 does, delimited
// strings, labels, a/i/c text and backslash escapes.

/** A script error, worded by GNU sed and by busybox sed; `exit` is GNU's status. */
export class SedScriptError extends Error {
  readonly gnu: string;
  readonly busybox: string;
  readonly exit: number;
  constructor(gnu: string, busybox: string, exit = 1) {
    super(gnu);
    this.gnu = gnu;
    this.busybox = busybox;
    this.exit = exit;
  }
}

/** Tell whether a character is an ASCII digit. */
export const isDigit = (c: string) => c >= "0" && c <= "9";
/** Tell whether a character is white space as C's isspace says. */
export const isSpace = (c: string) =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
const ESC: Record<string, string> = { a: "\x07", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\n": "\n" };

/** Decode `\n`, `\t`... in text; other escapes keep their backslash when `keep` (replacements) or lose it. */
export function decodeEscapes(s: string, keep: boolean): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\" || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const n = s[++i];
    const hex = n === "x" ? /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1)) : null;
    if (ESC[n] !== undefined) out += ESC[n];
    else if (hex) {
      const ch = String.fromCharCode(Number.parseInt(hex[0], 16));
      out += keep && ch === "&" ? "\\&" : ch;
      i += hex[0].length;
    } else out += keep ? `\\${n}` : n;
  }
  return out;
}

/** Read one -e expression; `pos` is what GNU reports as "char N". */
export class Reader {
  pos = 0;
  readonly s: string;
  readonly expr: number;
  constructor(s: string, expr: number) {
    this.s = s;
    this.expr = expr;
  }
  next(): string {
    return this.pos < this.s.length ? this.s[this.pos++] : "";
  }
  back(ch: string): void {
    if (ch !== "") this.pos--;
  }
  nonblank(): string {
    let c: string;
    do c = this.next();
    while (c === " " || c === "\t");
    return c;
  }
  int(first: string): number {
    let n = 0;
    let c = first;
    while (isDigit(c)) {
      n = n * 10 + Number(c);
      c = this.next();
    }
    this.back(c);
    return n;
  }
  fail(msg: string, busybox = msg): never {
    throw new SedScriptError(
      `sed: -e expression #${this.expr}, char ${this.pos}: ${msg}\n`,
      `sed: ${busybox}\n`,
    );
  }
}

/** Read up to an unescaped delimiter; null when the line or script ends first. */
export function matchSlash(r: Reader, slash: string, regex: boolean): string | null {
  let b = "";
  let ch = r.next();
  for (; ch !== "" && ch !== "\n"; ch = r.next()) {
    if (ch === slash) return b;
    if (ch === "\\") {
      ch = r.next();
      if (ch === "") break;
      if (ch === "n" && regex) ch = "\n";
      else if (ch !== "\n" && (ch !== slash || (!regex && ch === "&"))) b += "\\";
    } else if (ch === "[" && regex) {
      b += ch;
      ch = r.next();
      for (const lead of "^]")
        if (ch === lead) {
          b += ch;
          ch = r.next();
        }
      let cls = "";
      while (ch !== "" && ch !== "\n" && !(ch === "]" && !/\[[:.=][^\]]*$/.test(cls))) {
        cls += ch;
        ch = r.next();
      }
      b += cls;
      if (ch !== "]") break;
    }
    b += ch;
  }
  r.back(ch === "\n" ? ch : "");
  return null;
}

/** Check what follows a command: only `;`, a newline, `}` or `#` may. */
export function endOfCommand(r: Reader, ch: string): void {
  if (ch === "}" || ch === "#") r.back(ch);
  else if (ch !== "" && ch !== "\n" && ch !== ";") r.fail("extra characters after command");
}

/** Read a label for :, b, t or T. */
export function readLabel(r: Reader): string {
  let label = "";
  let ch = r.nonblank();
  while (ch !== "" && ch !== "\n" && ch !== " " && ch !== "\t" && ch !== ";" && ch !== "}" && ch !== "#") {
    label += ch;
    ch = r.next();
  }
  r.back(ch);
  return label;
}

/** Read the text of a, i or c: the rest of the line, `\` continuing it onto the next. */
export function readText(r: Reader, lead: string): string {
  let buf = lead === "\n" || lead === "" ? "" : lead;
  if (lead === "") return buf;
  let ch = r.next();
  while (ch !== "" && ch !== "\n") {
    if (ch === "\\") {
      ch = r.next();
      if (ch !== "") buf += "\\";
    }
    if (ch === "") break;
    buf += ch;
    ch = r.next();
  }
  return decodeEscapes(`${buf}\n`, false);
}
