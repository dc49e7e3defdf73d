// Compile sed scripts as GNU sed 4.8's compile.c reads them, character by character, so that an error names
// the same `-e expression #N, char M` position; busybox's wording of the same mistakes rides along.
import {
  decodeEscapes,
  endOfCommand,
  isDigit,
  isSpace,
  matchSlash,
  Reader,
  readLabel,
  readText,
  SedScriptError,
} from "./text-sed-reader.ts";
import { compileRegex, RegexError, type SedRegex } from "./text-sed-regex.ts";

/** A line address: N, first~step, $, /re/ (null: the last regex used), and the second-address forms +N, ~N. */
export type SedAddr =
  | { kind: "line"; n: number }
  | { kind: "step"; first: number; step: number }
  | { kind: "last" }
  | { kind: "re"; re: SedRegex | null }
  | { kind: "plus"; n: number }
  | { kind: "mult"; n: number };

/** A piece of an s replacement: literal text, a group (`&` is 0), or a case conversion (\U \L \E \u \l). */
export type ReplPiece = { lit: string } | { ref: number } | { conv: "U" | "L" | "E" | "u" | "l" };

/** One compiled command, with its range state (reset per file under -s / -i). */
export interface SedCmd {
  name: string;
  a1?: SedAddr;
  a2?: SedAddr;
  bang: boolean;
  active: boolean;
  rangeEnd: number;
  text?: string;
  exit?: number;
  label?: string;
  /** `{`: the index of its `}`; b, t, T: the command to go to (the script's length for the end). */
  jump?: number;
  sub?: { re: SedRegex | null; repl: ReplPiece[]; global: boolean; nth: number; print: boolean };
  map?: Map<string, string>;
}

/** A compiled script; `quiet` is set by a `#n` first line. */
export interface SedProgram {
  cmds: SedCmd[];
  quiet: boolean;
}

function replacement(text: string): { pieces: ReplPiece[]; maxRef: number } {
  const s = decodeEscapes(text, true);
  const pieces: ReplPiece[] = [];
  let lit = "";
  let maxRef = 0;
  const flush = () => {
    if (lit) pieces.push({ lit });
    lit = "";
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "&") {
      flush();
      pieces.push({ ref: 0 });
    } else if (c !== "\\") lit += c;
    else if (i + 1 >= s.length) lit += "\\";
    else {
      const n = s[++i];
      if (isDigit(n)) {
        flush();
        pieces.push({ ref: Number(n) });
        maxRef = Math.max(maxRef, Number(n));
      } else if ("ULEul".includes(n)) {
        flush();
        pieces.push({ conv: n as "U" });
      } else lit += n;
    }
  }
  flush();
  return { pieces, maxRef };
}

function regex(r: Reader, src: string, ere: boolean, icase: boolean, multi: boolean): SedRegex | null {
  if (src === "") {
    if (icase || multi) r.fail("cannot specify modifiers on empty regexp");
    return null;
  }
  try {
    return compileRegex(src, ere, icase, multi);
  } catch (e) {
    if (e instanceof RegexError) r.fail(e.message, `bad regex '${src}': ${e.message}`);
    throw e;
  }
}

function address(r: Reader, ch: string, ere: boolean): SedAddr | null {
  if (ch === "/" || ch === "\\") {
    const delim = ch === "\\" ? r.next() : ch;
    const src = matchSlash(r, delim, true);
    if (src === null) r.fail("unterminated address regex", `unmatched '${delim}'`);
    let icase = false;
    let multi = false;
    for (;;) {
      const f = r.nonblank();
      if (f === "I") icase = true;
      else if (f === "M") multi = true;
      else {
        r.back(f);
        return { kind: "re", re: regex(r, src, ere, icase, multi) };
      }
    }
  }
  if (isDigit(ch)) {
    const n = r.int(ch);
    const c = r.nonblank();
    if (c !== "~") {
      r.back(c);
      return { kind: "line", n };
    }
    const step = r.int(r.nonblank());
    return step > 0 ? { kind: "step", first: n, step } : { kind: "line", n };
  }
  if (ch === "+" || ch === "~") return { kind: ch === "+" ? "plus" : "mult", n: r.int(r.nonblank()) };
  if (ch === "$") return { kind: "last" };
  return null;
}

function substitute(r: Reader, cmd: SedCmd, ere: boolean): void {
  const slash = r.next();
  const src = matchSlash(r, slash, true);
  if (src === null) r.fail("unterminated `s' command", `unmatched '${slash}'`);
  const rhs = matchSlash(r, slash, false);
  if (rhs === null) r.fail("unterminated `s' command", `unmatched '${slash}'`);
  const { pieces, maxRef } = replacement(rhs);
  const sub = { re: null as SedRegex | null, repl: pieces, global: false, nth: 0, print: false };
  let icase = false;
  let multi = false;
  const bad = "bad option in substitution expression";
  for (;;) {
    const ch = r.nonblank();
    if (ch === "i" || ch === "I") icase = true;
    else if (ch === "m" || ch === "M") multi = true;
    else if (ch === "p") {
      if (sub.print) r.fail("multiple `p' options to `s' command", bad);
      sub.print = true;
    } else if (ch === "g") {
      if (sub.global) r.fail("multiple `g' options to `s' command", bad);
      sub.global = true;
    } else if (isDigit(ch)) {
      if (sub.nth) r.fail("multiple number options to `s' command", bad);
      sub.nth = r.int(ch);
      if (!sub.nth) r.fail("number option to `s' command may not be zero", bad);
    } else if (ch === "}" || ch === "#") {
      r.back(ch);
      break;
    } else if (ch === "" || ch === "\n" || ch === ";") break;
    // The w and e flags (write to a file, run the result) are not modelled: they read as unknown options.
    else r.fail("unknown option to `s'", bad);
  }
  sub.re = regex(r, src, ere, icase, multi);
  if (sub.re && maxRef > sub.re.groups)
    r.fail(
      `invalid reference \\${maxRef} on \`s' command's RHS`,
      `bad regex '${src}': Invalid back reference`,
    );
  cmd.sub = sub;
}

function translate(r: Reader, cmd: SedCmd): void {
  const slash = r.next();
  const from = matchSlash(r, slash, false);
  if (from === null) r.fail("unterminated `y' command", `unmatched '${slash}'`);
  const to = matchSlash(r, slash, false);
  if (to === null) r.fail("unterminated `y' command", `unmatched '${slash}'`);
  const a = [...decodeEscapes(from, false)];
  const b = [...decodeEscapes(to, false)];
  if (a.length !== b.length) r.fail("strings for `y' command are different lengths");
  cmd.map = new Map(a.map((c, i) => [c, b[i]]));
  endOfCommand(r, r.nonblank());
}

// Commands that take no argument: only `;`, a newline, `}` or `#` may follow.
const BARE = new Set([..."=dDgGhHnNpPxzF"]);

/** Compile -e expressions (each numbered from 1) into one program. */
export function compileSed(exprs: readonly string[], ere: boolean): SedProgram {
  const cmds: SedCmd[] = [];
  const blocks: Array<{ at: number; expr: number }> = [];
  let quiet = false;
  for (const [k, src] of exprs.entries()) {
    const r: Reader = new Reader(src, k + 1);
    for (;;) {
      let ch: string;
      do ch = r.next();
      while (ch === ";" || isSpace(ch));
      if (ch === "") break;
      const cmd: SedCmd = { name: "", bang: false, active: false, rangeEnd: 0 };
      const a1 = address(r, ch, ere);
      if (a1) {
        if ((a1.kind === "plus" || a1.kind === "mult") && a1.n > 0)
          r.fail("invalid usage of +N or ~N as first address");
        cmd.a1 = a1;
        ch = r.nonblank();
        if (ch === ",") {
          const a2 = address(r, r.nonblank(), ere);
          if (!a2) r.fail("unexpected `,'", "no address after comma");
          cmd.a2 = a2;
          ch = r.nonblank();
        }
        if (a1.kind === "line" && a1.n === 0 && cmd.a2?.kind !== "re")
          r.fail("invalid usage of line address 0");
      }
      if (ch === "!") {
        cmd.bang = true;
        ch = r.nonblank();
        if (ch === "!") r.fail("multiple `!'s");
      }
      cmd.name = ch;
      if (ch === "#") {
        if (cmd.a1) r.fail("comments don't accept any addresses");
        ch = r.next();
        if (ch === "n" && k === 0 && r.pos === 2) quiet = true;
        while (ch !== "" && ch !== "\n") ch = r.next();
        continue;
      }
      if (ch === "{") blocks.push({ at: cmds.length, expr: k + 1 });
      else if (ch === "}") {
        const open = blocks.pop();
        if (!open) r.fail("unexpected `}'");
        if (cmd.a1) r.fail("`}' doesn't want any addresses");
        endOfCommand(r, r.nonblank());
        cmds[open.at].jump = cmds.length;
      } else if (ch === "a" || ch === "i" || ch === "c") {
        let c = r.nonblank();
        if (c === "") r.fail("expected \\ after `a', `c' or `i'");
        if (c === "\\") c = r.next();
        else {
          r.back(c);
          c = "\n";
        }
        cmd.text = readText(r, c);
      } else if (ch === ":") {
        if (cmd.a1) r.fail(": doesn't want any addresses");
        cmd.label = readLabel(r);
        if (!cmd.label) r.fail('":" lacks a label');
      } else if (ch === "b" || ch === "t" || ch === "T") cmd.label = readLabel(r);
      else if (ch === "q" || ch === "Q") {
        if (cmd.a2) r.fail("command only uses one address", `command '${ch}' uses only one address`);
        let c = r.nonblank();
        cmd.exit = 0;
        if (isDigit(c)) {
          cmd.exit = r.int(c);
          c = r.nonblank();
        }
        endOfCommand(r, c);
      } else if (BARE.has(ch)) endOfCommand(r, r.nonblank());
      else if (ch === "s") substitute(r, cmd, ere);
      else if (ch === "y") translate(r, cmd);
      else if (ch === "") r.fail("missing command");
      // l, r, R, w, W, e and v are not modelled: they read as unknown commands.
      else r.fail(`unknown command: \`${ch}'`, `unsupported command ${ch}`);
      cmds.push(cmd);
    }
  }
  const open = blocks.pop();
  if (open)
    throw new SedScriptError(
      `sed: -e expression #${open.expr}, char 0: unmatched \`{'\n`,
      "sed: unmatched '{'\n",
    );
  for (const cmd of cmds) {
    if (cmd.name !== "b" && cmd.name !== "t" && cmd.name !== "T") continue;
    if (!cmd.label) cmd.jump = cmds.length;
    else {
      const at = cmds.findIndex((c) => c.name === ":" && c.label === cmd.label);
      if (at < 0)
        throw new SedScriptError(
          `sed: can't find label for jump to \`${cmd.label}'\n`,
          `sed: can't find label for jump to '${cmd.label}'\n`,
          4,
        );
      cmd.jump = at;
    }
  }
  return { cmds, quiet };
}
