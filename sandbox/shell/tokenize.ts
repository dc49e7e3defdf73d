// Split a shell line into words and operators, with POSIX quoting rules (the subset a reader types).
import { evalArithmetic } from "./arithmetic.ts";

/** The operators the shell understands. */
export type ShellOp =
  | "|"
  | "&&"
  | "||"
  | ";"
  | ">"
  | ">>"
  | "<"
  | "<<"
  | "2>&1"
  | "2>"
  | "2>>"
  | ">&2"
  | "&>";

/** A word, or one of the operators the shell understands; `start`/`end` locate it in the line. */
export type Token = ({ kind: "word"; value: string } | { kind: "op"; value: ShellOp }) & {
  start?: number;
  end?: number;
};

/** A syntax error, worded as bash words it. */
export class ShellSyntaxError extends Error {}

/** How to tokenize: `raw` keeps words as written (for finding structure); `subst` runs `$(...)`. */
export interface TokenizeOptions {
  raw?: boolean;
  subst?: (command: string) => string;
}

// Longest first, so `2>&1` wins over `2>` and `>>` over `>`.
const OPS: ShellOp[] = ["2>&1", "2>>", ">&2", "2>", "&>", "&&", "||", ">>", "<<", "|", ";", ">", "<"];

/** Find the index just past the `)` closing a `$(` that opens at `open` (the index of `$`). */
export function closingParen(line: string, open: number): number {
  let depth = 0;
  for (let j = open + 1; j < line.length; j++) {
    const c = line[j];
    if (c === "'") {
      const e = line.indexOf("'", j + 1);
      if (e < 0) break;
      j = e;
    } else if (c === "\\") j++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return j + 1;
  }
  throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
}

// Bash expands an unquoted `~` that starts a word (or an assignment's value) and ends there or at `/`.
function tildeStarts(line: string, i: number, word: string | null): boolean {
  if (word !== null && !/^[A-Za-z_][A-Za-z0-9_]*=$/.test(word)) return false;
  const next = line[i + 1];
  return next === undefined || next === "/" || " \t\n;|&<>)".includes(next);
}

/** Tokenize one line; `$VAR` expands from `env`. Throws ShellSyntaxError on an unterminated quote. */
export function tokenize(
  line: string,
  env: Record<string, string> = {},
  opts: TokenizeOptions = {},
): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word: string | null = null;
  let start = 0;
  const raw = !!opts.raw;
  const push = () => {
    if (word !== null) out.push({ kind: "word", value: raw ? line.slice(start, i) : word, start, end: i });
    word = null;
  };
  const add = (s: string) => {
    if (word === null) start = i;
    word = (word ?? "") + s;
  };
  // Unquoted expansions split on blanks, except in an assignment (`x=$(cmd)`), as in bash.
  const addSplit = (s: string, from: number) => {
    if (raw || (word !== null && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))) {
      if (word === null) start = from;
      word = (word ?? "") + s;
      return;
    }
    const parts = s.split(/[ \t\n]+/);
    parts.forEach((p, k) => {
      if (k > 0) {
        if (word !== null) out.push({ kind: "word", value: word, start, end: i });
        word = null;
      }
      if (p !== "") {
        if (word === null) start = from;
        word = (word ?? "") + p;
      }
    });
  };
  const substitute = (cmd: string): string => (raw ? "" : (opts.subst?.(cmd) ?? "").replace(/\n+$/, ""));
  // Read one `$...` or backtick expansion at i; returns its text and advances i.
  const expand = (): string => {
    if (line[i] === "`") {
      const end = line.indexOf("`", i + 1);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching ``'");
      const cmd = line.slice(i + 1, end);
      i = end + 1;
      return raw ? line.slice(i - cmd.length - 2, i) : substitute(cmd);
    }
    if (line.startsWith("$((", i)) {
      const end = closingParen(line, i);
      const from = i;
      i = end;
      if (raw) return line.slice(from, end);
      // Parameters inside are expanded first; bare names are read by the evaluator.
      const inner = line
        .slice(from + 3, end - 2)
        .replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])\}?/g, (_m, n: string) => env[n] ?? "");
      try {
        return String(evalArithmetic(inner, env));
      } catch (e) {
        throw new ShellSyntaxError(e instanceof Error ? e.message : String(e));
      }
    }
    if (line[i + 1] === "(") {
      const end = closingParen(line, i);
      const from = i;
      i = end;
      return raw ? line.slice(from, end) : substitute(line.slice(from + 2, end - 1));
    }
    const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(line.slice(i));
    if (!m) {
      i++;
      return "$";
    }
    i += m[0].length;
    if (raw) return m[0];
    return env[m[1].replace(/[{}]/g, "")] ?? "";
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === " " || ch === "\t") {
      push();
      i++;
    } else if (ch === "\n") {
      push();
      out.push({ kind: "op", value: ";", start: i, end: i + 1 });
      i++;
    } else if (ch === "#" && word === null) {
      while (i < line.length && line[i] !== "\n") i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
      add(line.slice(i + 1, end));
      i = end + 1;
    } else if (ch === '"') {
      if (word === null) start = i;
      word ??= "";
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else if (line[i] === "$" || line[i] === "`") {
          word += expand();
        } else {
          word += line[i++];
        }
      }
      if (i >= line.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `\"'");
      i++;
    } else if (ch === "\\") {
      add(line[i + 1] === "\n" ? "" : (line[i + 1] ?? ""));
      i += 2;
    } else if (ch === "$" || ch === "`") {
      const from = i;
      addSplit(expand(), from);
    } else if (ch === "~" && !raw && env.HOME && tildeStarts(line, i, word)) {
      add(env.HOME);
      i++;
    } else {
      const op = OPS.find((o) => line.startsWith(o, i));
      // `2>` is only a redirection at the start of a word (`a2>b` is a word and a `>`).
      if (op && !(op.startsWith("2") && word !== null)) {
        push();
        out.push({ kind: "op", value: op, start: i, end: i + op.length });
        i += op.length;
      } else {
        add(ch);
        i++;
      }
    }
  }
  push();
  return out;
}

/** The here-document delimiter a line opens (`<<EOF`, `<< 'EOF'`, `<<-EOF`), if any. */
export function heredocDelimiter(line: string): { delimiter: string; stripTabs: boolean } | undefined {
  const m = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line);
  return m ? { delimiter: m[3], stripTabs: m[1] === "-" } : undefined;
}
