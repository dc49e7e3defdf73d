// Parse the small POSIX sh subset the modelled images run: lists, &&/||, while, for, if, quoting, $VAR, $(cmd).

/** A piece of a word: literal text, a variable, or a command substitution. */
export type WordPart = { t: "lit"; v: string } | { t: "var"; v: string } | { t: "sub"; v: string };

/** A shell word made of parts. */
export type Word = WordPart[];

/** A parsed shell program. */
export type ShNode =
  | { t: "cmd"; words: Word[] }
  | { t: "pipe"; stages: Word[][] }
  | { t: "seq"; items: ShNode[] }
  | { t: "and" | "or"; l: ShNode; r: ShNode }
  | { t: "while"; cond: ShNode; body: ShNode; until: boolean }
  | { t: "for"; name: string; words: Word[]; body: ShNode }
  | { t: "if"; cond: ShNode; then: ShNode; else: ShNode | null };

type Tok = { op: string } | { word: Word; raw: string };

/** A syntax error, worded as busybox sh does. */
export class ShSyntaxError extends Error {}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n" || c === ";") {
      toks.push({ op: ";" });
      i++;
      continue;
    }
    if (src.startsWith("&&", i) || src.startsWith("||", i)) {
      toks.push({ op: src.slice(i, i + 2) });
      i += 2;
      continue;
    }
    if (c === "&" || c === "|") {
      toks.push({ op: c === "&" ? ";" : "|" });
      i++;
      continue;
    }
    const word: Word = [];
    let raw = "";
    const lit = (s: string) => {
      const last = word[word.length - 1];
      if (last?.t === "lit") last.v += s;
      else word.push({ t: "lit", v: s });
    };
    const dollar = (): boolean => {
      if (src[i] !== "$") return false;
      if (src[i + 1] === "(") {
        let depth = 1;
        let j = i + 2;
        while (j < src.length && depth > 0) {
          if (src[j] === "(") depth++;
          else if (src[j] === ")") depth--;
          j++;
        }
        if (depth > 0) throw new ShSyntaxError("sh: syntax error: unterminated $(");
        word.push({ t: "sub", v: src.slice(i + 2, j - 1) });
        i = j;
        return true;
      }
      const m = /^\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*|[?$#0-9]))/.exec(src.slice(i));
      if (!m) return false;
      word.push({ t: "var", v: m[2] ?? m[3] });
      i += m[0].length;
      return true;
    };
    // `>&2` and `<&0` keep their `&`: it duplicates a descriptor there, it does not end a command.
    while (i < src.length && (!" \t\n;&|".includes(src[i]) || (src[i] === "&" && /[<>]$/.test(raw)))) {
      const ch = src[i];
      const start = i;
      if (ch === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShSyntaxError("sh: syntax error: unterminated quoted string");
        lit(src.slice(i + 1, end));
        i = end + 1;
      } else if (ch === '"') {
        i++;
        while (i < src.length && src[i] !== '"') {
          if (src[i] === "\\" && '"\\$`'.includes(src[i + 1] ?? "")) {
            lit(src[i + 1]);
            i += 2;
          } else if (!dollar()) lit(src[i++]);
        }
        if (i >= src.length) throw new ShSyntaxError("sh: syntax error: unterminated quoted string");
        i++;
      } else if (ch === "\\") {
        lit(src[i + 1] ?? "");
        i += 2;
      } else if (!dollar()) lit(src[i++]);
      raw += src.slice(start, i);
    }
    if (word.length === 0) word.push({ t: "lit", v: "" });
    toks.push({ word, raw });
  }
  return toks;
}

const KEYWORDS = new Set(["while", "until", "do", "done", "for", "in", "if", "then", "else", "fi"]);

/** Parse a script into a tree. */
export function parseShell(src: string): ShNode {
  const toks = tokenize(src);
  let pos = 0;
  const peekKw = (): string | null => {
    const t = toks[pos];
    return t && "raw" in t && KEYWORDS.has(t.raw) ? t.raw : null;
  };
  const skipSemis = () => {
    while (toks[pos] && "op" in toks[pos] && (toks[pos] as { op: string }).op === ";") pos++;
  };
  const expectKw = (kw: string) => {
    skipSemis();
    if (peekKw() !== kw) {
      const t = toks[pos];
      const got = t ? ("raw" in t ? t.raw : t.op) : "end of file";
      throw new ShSyntaxError(`sh: syntax error: unexpected ${got === "end of file" ? got : `"${got}"`}`);
    }
    pos++;
  };
  const list = (stop: string[]): ShNode => {
    const items: ShNode[] = [];
    for (;;) {
      skipSemis();
      const kw = peekKw();
      if (pos >= toks.length || (kw && stop.includes(kw))) break;
      items.push(andOr());
    }
    return items.length === 1 ? items[0] : { t: "seq", items };
  };
  const andOr = (): ShNode => {
    let node = command();
    for (;;) {
      const t = toks[pos];
      if (t && "op" in t && (t.op === "&&" || t.op === "||")) {
        pos++;
        node = { t: t.op === "&&" ? "and" : "or", l: node, r: command() };
      } else return node;
    }
  };
  const command = (): ShNode => {
    const kw = peekKw();
    if (kw === "while" || kw === "until") {
      pos++;
      const cond = list(["do"]);
      expectKw("do");
      const body = list(["done"]);
      expectKw("done");
      return { t: "while", cond, body, until: kw === "until" };
    }
    if (kw === "for") {
      pos++;
      const nameTok = toks[pos++];
      if (!nameTok || !("raw" in nameTok)) throw new ShSyntaxError("sh: syntax error: bad for loop variable");
      const words: Word[] = [];
      if (peekKw() === "in") {
        pos++;
        while (toks[pos] && "raw" in toks[pos]) words.push((toks[pos++] as { word: Word }).word);
      }
      expectKw("do");
      const body = list(["done"]);
      expectKw("done");
      return { t: "for", name: nameTok.raw, words, body };
    }
    if (kw === "if") {
      pos++;
      const cond = list(["then"]);
      expectKw("then");
      const then = list(["else", "fi"]);
      let otherwise: ShNode | null = null;
      skipSemis();
      if (peekKw() === "else") {
        pos++;
        otherwise = list(["fi"]);
      }
      expectKw("fi");
      return { t: "if", cond, then, else: otherwise };
    }
    const words: Word[] = [];
    while (toks[pos] && "raw" in toks[pos]) {
      if (words.length === 0 && peekKw()) break;
      words.push((toks[pos++] as { word: Word }).word);
    }
    if (words.length === 0) {
      const t = toks[pos];
      throw new ShSyntaxError(
        `sh: syntax error: unexpected ${t ? `"${"raw" in t ? t.raw : t.op}"` : "end of file"}`,
      );
    }
    const stages: Word[][] = [words];
    while (toks[pos] && "op" in toks[pos] && (toks[pos] as { op: string }).op === "|") {
      pos++;
      const stage: Word[] = [];
      while (toks[pos] && "raw" in toks[pos]) stage.push((toks[pos++] as { word: Word }).word);
      if (stage.length === 0) {
        const t = toks[pos];
        throw new ShSyntaxError(
          `sh: syntax error: unexpected ${t && "op" in t ? `"${t.op}"` : "end of file"}`,
        );
      }
      stages.push(stage);
    }
    return stages.length > 1 ? { t: "pipe", stages } : { t: "cmd", words };
  };
  const tree = list([]);
  if (pos < toks.length) throw new ShSyntaxError("sh: syntax error: unexpected token");
  return tree;
}
