// Scalar styles and writers of libyaml's emitter as go-yaml v2 drives it: which quoting a string gets,
// and how long plain or quoted scalars fold at a space once the line passes 80 columns.
import { readsAsString } from "./go-yaml-resolve.ts";

const BEST_WIDTH = 80;

/** Accumulates output and tracks the current column in code points, as the emitter does. */
export class YamlOut {
  text = "";
  column = 0;

  /** Append text that contains no line break. */
  put(s: string): void {
    this.text += s;
    for (const _ of s) this.column++;
  }

  /** End the line. */
  newline(): void {
    this.text += "\n";
    this.column = 0;
  }

  /** Start a new line (unless already at the start of one) and indent it. */
  startLine(indent: number): void {
    if (this.column > 0 || (this.text !== "" && !this.text.endsWith("\n"))) this.newline();
    this.put(" ".repeat(indent));
  }
}

type Style = "plain" | "single" | "double" | "literal";

const isBreak = (c: string) => c === "\n" || c === "\r" || c === "\u0085" || c === "\u2028" || c === "\u2029";
const isBlank = (c: string | undefined) => c === " " || c === "\t";

function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

function analyze(s: string): Analysis {
  const ch = [...s];
  if (ch.length === 0) return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  let blockIndicators = s.startsWith("---") || s.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i];
    const followedByWs = i + 1 >= ch.length || isBlank(ch[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) blockIndicators = true;
      else if ((c === "?" || c === ":" || c === "-") && followedByWs) blockIndicators = true;
    } else if (c === ":" && followedByWs) blockIndicators = true;
    else if (c === "#" && precededByWs) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === " ") {
      if (i === 0) leadingSpace = true;
      if (i === ch.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === ch.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlank(c) || isBreak(c) || c === "\0";
  }
  let blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleQuoted = true;
  let block = !trailingSpace;
  if (breakSpace) blockPlain = singleQuoted = false;
  if (spaceBreak || special) blockPlain = singleQuoted = block = false;
  if (lineBreaks || blockIndicators) blockPlain = false;
  return { multiline: lineBreaks, blockPlain, singleQuoted, block };
}

/** Choose the style go-yaml v2 gives a string: plain, 'single', "double" or a | literal block. */
function scalarStyle(s: string, isKey: boolean): Style {
  let style: Style = s.includes("\n") ? "literal" : readsAsString(s) ? "plain" : "double";
  const a = analyze(s);
  if (isKey && a.multiline) return "double";
  if (style === "plain" && (!a.blockPlain || (s === "" && isKey))) style = "single";
  if (style === "single" && !a.singleQuoted) style = "double";
  if (style === "literal" && (!a.block || isKey)) style = "double";
  return style;
}

const ESCAPES: Record<string, string> = {
  "\0": "0",
  "\x07": "a",
  "\b": "b",
  "\t": "t",
  "\n": "n",
  "\v": "v",
  "\f": "f",
  "\r": "r",
  "\x1b": "e",
  '"': '"',
  "\\": "\\",
  "\u0085": "N",
  "\u2028": "L",
  "\u2029": "P",
};

function escapeChar(c: string): string {
  if (ESCAPES[c]) return `\\${ESCAPES[c]}`;
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

function fold(out: YamlOut, indent: number): void {
  out.newline();
  out.put(" ".repeat(indent));
}

function writeQuoted(out: YamlOut, s: string, indent: number, breaks: boolean, double: boolean): void {
  const ch = [...s];
  const q = double ? '"' : "'";
  out.put(q);
  let spaces = false;
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i];
    if (double && (!isPrintable(c) || isBreak(c) || c === '"' || c === "\\")) {
      out.put(escapeChar(c));
      spaces = false;
    } else if (c === " ") {
      const edge = i === 0 || i === ch.length - 1;
      if (breaks && !spaces && out.column > BEST_WIDTH && !edge && (double || ch[i + 1] !== " ")) {
        fold(out, indent);
        if (double && ch[i + 1] === " ") out.put("\\");
      } else out.put(" ");
      spaces = true;
    } else {
      out.put(!double && c === "'" ? "''" : c);
      spaces = false;
    }
  }
  out.put(q);
}

function writePlain(out: YamlOut, s: string, indent: number, breaks: boolean): void {
  const ch = [...s];
  let spaces = false;
  for (let i = 0; i < ch.length; i++) {
    if (ch[i] === " ") {
      if (breaks && !spaces && out.column > BEST_WIDTH && ch[i + 1] !== " ") fold(out, indent);
      else out.put(" ");
      spaces = true;
    } else {
      out.put(ch[i]);
      spaces = false;
    }
  }
}

function writeLiteral(out: YamlOut, s: string, indent: number): void {
  const ch = [...s];
  let hints = isBlank(ch[0]) || isBreak(ch[0]) ? "2" : "";
  const last = ch.length - 1;
  if (!isBreak(ch[last])) hints += "-";
  else if (last === 0 || isBreak(ch[last - 1])) hints += "+";
  out.put(`|${hints}`);
  out.newline();
  let lineStart = true;
  for (const c of ch) {
    if (isBreak(c)) {
      out.newline();
      lineStart = true;
    } else {
      if (lineStart) out.put(" ".repeat(indent));
      out.put(c);
      lineStart = false;
    }
  }
}

/**
 * Write a string scalar at the current position. `indent` is where folded or block lines continue
 * (the enclosing collection's indent + 2); keys never fold.
 */
export function writeString(out: YamlOut, s: string, indent: number, isKey = false): void {
  const style = scalarStyle(s, isKey);
  if (style === "plain") writePlain(out, s, indent, !isKey);
  else if (style === "literal") writeLiteral(out, s, indent);
  else writeQuoted(out, s, indent, !isKey, style === "double");
}
