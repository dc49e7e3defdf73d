/** Show a cell's output in an xterm.js terminal mounted over its saved output, mirrored for screen readers. */
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import type { Stream } from "../workers/protocol.ts";
import { currentTheme, followTheme } from "./xterm-theme.ts";

const MAX_ROWS = 30;
// A cell's terminal widens (and its box scrolls sideways) rather than wrap a kubectl table, up to this.
const MAX_COLS = 500;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

const FONT_SIZE = 13;

// The site's monospace stack, resolved: xterm measures its glyphs on a canvas, whose font cannot hold a
// CSS var() (given one, the canvas keeps its 10px sans-serif, and every row comes out squashed and spaced).
function monoFont(host: HTMLElement): string {
  const style = getComputedStyle(host);
  for (const name of ["--sl-font-mono", "--sl-font-system-mono"]) {
    const stack = style.getPropertyValue(name).trim();
    if (stack && !stack.includes("var(")) return stack;
  }
  return "ui-monospace, monospace";
}

function charWidth(host: HTMLElement, font: string): number {
  const probe = document.createElement("span");
  probe.className = "xterm";
  probe.style.cssText = "position:absolute;visibility:hidden";
  probe.style.font = `${FONT_SIZE}px/1.2 ${font}`;
  probe.textContent = "M".repeat(20);
  host.append(probe);
  const width = probe.getBoundingClientRect().width / 20;
  probe.remove();
  return width || 8;
}

/** Own the terminal and the hidden text log of one cell (or the page terminal). */
export class OutputTerminal {
  readonly term: Terminal;
  readonly log: HTMLElement;
  private text = "";
  private lines = 0;
  // Output terminals widen to their longest line; the page terminal (input) keeps its width and wraps.
  private readonly widen: boolean;
  // The columns that fit the box (a notice wraps there even when the terminal is wider).
  private readonly fit: number;
  private column = 0;

  constructor(
    host: HTMLElement,
    label: string,
    options: { rows: number; minHeight?: number; input?: boolean; longestLine?: number },
  ) {
    this.widen = !options.input;
    const box = document.createElement("div");
    box.className = "kn-terminal-box";
    if (options.minHeight) box.style.minHeight = `${options.minHeight}px`;
    host.append(box);
    this.log = document.createElement("div");
    this.log.className = "kn-sr-only";
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-label", label);
    host.append(this.log);
    const font = monoFont(host);
    const fit = Math.max(40, Math.floor((host.clientWidth - 16) / charWidth(host, font)));
    this.fit = fit - 1;
    const cols = this.widen ? Math.min(MAX_COLS, Math.max(fit, options.longestLine ?? 0)) : fit;
    this.term = new Terminal({
      rows: Math.min(MAX_ROWS, Math.max(2, options.rows)),
      cols,
      convertEol: true,
      disableStdin: !options.input,
      cursorBlink: false,
      cursorStyle: options.input ? "block" : "underline",
      cursorInactiveStyle: "none",
      fontFamily: font,
      fontSize: FONT_SIZE,
      scrollback: 5000,
      theme: currentTheme(),
    });
    this.term.open(box);
    box.querySelector("textarea")?.setAttribute("aria-label", `${label}: terminal input`);
    followTheme(this.term);
  }

  /** Erase the terminal and the log. */
  clear(): void {
    this.term.reset();
    this.text = "";
    this.lines = 0;
    this.column = 0;
    this.log.textContent = "";
  }

  /** Append output; stderr shows in red. */
  write(stream: Stream, chunk: string): void {
    const plain = chunk.replace(ANSI, "");
    this.mirror(plain);
    this.draw(stream, chunk, plain);
  }

  // Put a chunk on screen (its text already logged), growing the terminal to hold it.
  private draw(stream: Stream, chunk: string, plain: string): void {
    this.lines += chunk.split("\n").length - 1;
    const cols = this.widen
      ? Math.min(MAX_COLS, Math.max(this.term.cols, this.longest(plain)))
      : this.term.cols;
    if (cols !== this.term.cols || (this.lines + 1 > this.term.rows && this.term.rows < MAX_ROWS)) {
      this.term.resize(cols, Math.min(MAX_ROWS, Math.max(this.term.rows, this.lines + 1)));
    }
    this.term.write(stream === "stderr" ? `\x1b[31m${chunk}\x1b[0m` : chunk);
  }

  // The widest line this chunk makes, counting the line it continues.
  private longest(plain: string): number {
    let widest = 0;
    for (const ch of plain) {
      if (ch === "\n") this.column = 0;
      else if (ch !== "\r") widest = Math.max(widest, ++this.column);
    }
    return widest;
  }

  /** Tell the reader something in red (the page's own words, not output): wrapped at the visible width. */
  notice(text: string): void {
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      for (const word of paragraph.split(" ")) {
        if (line && line.length + 1 + word.length > this.fit) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(line);
    }
    // Screen readers get the sentence whole; the screen gets it wrapped.
    this.mirror(`${text}\n`);
    const wrapped = `${lines.join("\n")}\n`;
    this.draw("stderr", wrapped, wrapped);
  }

  /** Add text to the screen-reader log only (it is already on screen, e.g. typed input). */
  mirror(text: string): void {
    this.text += text;
    this.log.append(text);
  }

  /** Return everything written since the last clear, without colour codes. */
  output(): string {
    return this.text;
  }
}

/** Mount a cell's terminal in place of its saved output, keeping the same height. */
export function mountCellTerminal(cell: HTMLElement, label: string): OutputTerminal {
  const saved = cell.querySelector<HTMLElement>(".kn-cell-output");
  const savedText = saved?.textContent ?? "";
  const host = document.createElement("div");
  host.className = "kn-cell-terminal";
  const height = saved?.offsetHeight ?? 0;
  if (saved) {
    saved.before(host);
    saved.hidden = true;
  } else cell.append(host);
  const lines = savedText.split("\n");
  const longestLine = lines.reduce((a, l) => Math.max(a, l.length), 0);
  return new OutputTerminal(host, label, { rows: lines.length, minHeight: height, longestLine });
}
