// POSIX regular expressions as sed compiles them (glibc regcomp, BRE or ERE), translated to JavaScript RegExps.
// JavaScript picks the first alternative that matches where POSIX picks the longest: `a\|ab` on "ab" matches "a" here.

/** A compiled sed regex and how many groups it has (for `\N` checks in s replacements). */
export interface SedRegex {
  re: RegExp;
  groups: number;
}

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
};

const JS_SPECIAL = new Set([..."\\^$.*+?()[]{}|/"]);
const lit = (c: string): string => (JS_SPECIAL.has(c) ? `\\${c}` : c === "\n" ? "\\n" : c);

/** glibc's regerror texts, as sed prints them after `-e expression #N, char M: `. */
export class RegexError extends Error {}

// Parse a bracket expression starting at `[` (index i); returns the JS class and the index after `]`.
function bracket(src: string, i: number): [string, number] {
  let j = i + 1;
  let out = "[";
  if (src[j] === "^") {
    out += "^";
    j++;
  }
  let first = true;
  let prev: string | null = null;
  for (;;) {
    if (j >= src.length) throw new RegexError("Unmatched [, [^, [:, [., or [=");
    const c = src[j];
    if (c === "]" && !first) return [`${out}]`, j + 1];
    first = false;
    const special = /^\[([:=.])/.exec(src.slice(j, j + 2));
    if (special) {
      const end = src.indexOf(`${special[1]}]`, j + 2);
      if (end < 0) throw new RegexError("Unmatched [, [^, [:, [., or [=");
      const name = src.slice(j + 2, end);
      if (special[1] === ":") {
        if (CLASSES[name] === undefined) throw new RegexError("Invalid character class name");
        out += CLASSES[name];
        prev = null;
      } else {
        out += lit(name);
        prev = name;
      }
      j = end + 2;
      continue;
    }
    if (c === "-" && prev !== null && src[j + 1] !== "]" && j + 1 < src.length) {
      const hi = src[j + 1];
      if (hi.charCodeAt(0) < prev.charCodeAt(0)) throw new RegexError("Invalid range end");
      out += `-${lit(hi)}`;
      prev = null;
      j += 2;
      continue;
    }
    out += c === "-" ? "\\-" : lit(c);
    prev = c;
    j++;
  }
}

/** Translate a POSIX BRE (or ERE with `ere`) to a RegExp; throws RegexError with glibc's message. */
export function compileRegex(src: string, ere: boolean, icase: boolean, multiline: boolean): SedRegex {
  let out = "";
  let groups = 0;
  const open: number[] = [];
  let atom = -1; // where the last quantifiable atom starts in `out`
  let quantified = false;
  let atStart = true; // where `*` is literal (BRE) and `^` is an anchor
  const quantify = (q: string) => {
    if (atom < 0) {
      if (!ere && q === "*") {
        out += "\\*";
        atom = out.length - 2;
        atStart = false;
        return;
      }
      throw new RegexError("Invalid preceding regular expression");
    }
    // POSIX allows `a**` and `a*\{2\}`; JavaScript wants the earlier repetition grouped first.
    if (quantified) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += q;
    quantified = true;
    atStart = false;
  };
  const emit = (s: string) => {
    atom = out.length;
    out += s;
    quantified = false;
    atStart = false;
  };
  const interval = (i: number, close: string): number => {
    const end = src.indexOf(close, i);
    if (end < 0) throw new RegexError("Unmatched \\{");
    const m = /^(\d*)(,?)(\d*)$/.exec(src.slice(i, end));
    if (!m || m[1] === "" || (m[3] !== "" && Number(m[3]) < Number(m[1])))
      throw new RegexError("Invalid content of \\{\\}");
    quantify(`{${m[1]}${m[2]}${m[3]}}`);
    return end + close.length;
  };
  const group = () => {
    open.push(out.length);
    out += "(";
    atom = -1;
    quantified = false;
    atStart = true;
  };
  const close = () => {
    const start = open.pop();
    if (start === undefined) throw new RegexError("Unmatched ) or \\)");
    out += ")";
    groups++;
    atom = start;
    quantified = false;
    atStart = false;
  };
  const alternate = () => {
    out += "|";
    atom = -1;
    quantified = false;
    atStart = true;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") {
      if (i + 1 >= src.length) throw new RegexError("Trailing backslash");
      const n = src[i + 1];
      i += 2;
      if (!ere && n === "(") group();
      else if (!ere && n === ")") close();
      else if (!ere && n === "|") alternate();
      else if (!ere && n === "{") i = interval(i, "\\}");
      else if (!ere && (n === "+" || n === "?")) quantify(n);
      else if (n >= "1" && n <= "9") {
        if (Number(n) > groups) throw new RegexError("Invalid back reference");
        emit(`\\${n}`);
      } else if (n === "n") emit("\\n");
      else if (n === "t") emit("\\t");
      else if ("wWsS".includes(n)) emit(`\\${n}`);
      else if (n === "b" || n === "B") {
        out += `\\${n}`;
        atStart = false;
      } else if (n === "<") out += "\\b(?=\\w)";
      else if (n === ">") out += "\\b(?<=\\w)";
      else if (n === "`") out += "(?<![\\s\\S])";
      else if (n === "'") out += "(?![\\s\\S])";
      else emit(lit(n));
      continue;
    }
    i++;
    if (c === "[") {
      const [cls, next] = bracket(src, i - 1);
      emit(cls);
      i = next;
    } else if (c === ".") emit("[\\s\\S]");
    else if (c === "*") quantify("*");
    else if (c === "^" && (ere || atStart)) out += "^";
    else if (c === "$" && (ere || i >= src.length || src.startsWith("\\)", i) || src.startsWith("\\|", i)))
      out += "$";
    else if (ere && c === "(") group();
    else if (ere && c === ")") close();
    else if (ere && c === "|") alternate();
    else if (ere && c === "{") i = interval(i, "}");
    else if (ere && (c === "+" || c === "?")) quantify(c);
    else emit(lit(c));
  }
  if (open.length) throw new RegexError("Unmatched ( or \\(");
  const flags = `g${icase ? "i" : ""}${multiline ? "m" : ""}`;
  try {
    return { re: new RegExp(out, flags), groups };
  } catch {
    throw new RegexError("Invalid regular expression");
  }
}
