// Split a shell line into words and operators, with POSIX quoting rules (the subset a reader types).

/** A word, or one of the operators the shell understands. */
export type Token =
  | { kind: "word"; value: string }
  | { kind: "op"; value: "|" | "&&" | "||" | ";" | ">" | ">>" | "<" | "<<" | "2>&1" | "2>" };

/** A syntax error, worded as bash words it. */
export class ShellSyntaxError extends Error {}

/** Tokenize one line; `$VAR` expands from `env`. Throws ShellSyntaxError on an unterminated quote. */
export function tokenize(line: string, env: Record<string, string> = {}): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word: string | null = null;
  const push = () => {
    if (word !== null) out.push({ kind: "word", value: word });
    word = null;
  };
  const expand = (): string => {
    const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|\?)/.exec(line.slice(i));
    if (!m) {
      i++;
      return "$";
    }
    i += m[0].length;
    const name = m[1].replace(/[{}]/g, "");
    return env[name] ?? "";
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === " " || ch === "\t") {
      push();
      i++;
    } else if (ch === "#" && word === null) {
      break;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
      word = (word ?? "") + line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      let s = "";
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          s += line[i + 1];
          i += 2;
        } else if (line[i] === "$") {
          s += expand();
        } else {
          s += line[i++];
        }
      }
      if (i >= line.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `\"'");
      i++;
      word = (word ?? "") + s;
    } else if (ch === "\\") {
      word = (word ?? "") + (line[i + 1] ?? "");
      i += 2;
    } else if (ch === "$") {
      word = (word ?? "") + expand();
    } else if (line.startsWith("2>&1", i)) {
      push();
      out.push({ kind: "op", value: "2>&1" });
      i += 4;
    } else if (line.startsWith("2>", i) && word === null) {
      push();
      out.push({ kind: "op", value: "2>" });
      i += 2;
    } else if (
      line.startsWith("&&", i) ||
      line.startsWith("||", i) ||
      line.startsWith(">>", i) ||
      line.startsWith("<<", i)
    ) {
      push();
      out.push({ kind: "op", value: line.slice(i, i + 2) as "&&" });
      i += 2;
    } else if (ch === "|" || ch === ";" || ch === ">" || ch === "<") {
      push();
      out.push({ kind: "op", value: ch });
      i++;
    } else {
      word = (word ?? "") + ch;
      i++;
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
