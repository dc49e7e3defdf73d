/** Show a cell's output in an xterm.js terminal mounted over its saved output, mirrored for screen readers. */
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import type { Stream } from "../workers/protocol.ts";
import { currentTheme, followTheme } from "./xterm-theme.ts";

const MAX_ROWS = 30;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

function charWidth(host: HTMLElement): number {
  const probe = document.createElement("span");
  probe.className = "xterm";
  probe.style.cssText = "position:absolute;visibility:hidden;font:13px/1.2 var(--sl-font-mono, monospace)";
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

  constructor(
    host: HTMLElement,
    label: string,
    options: { rows: number; minHeight?: number; input?: boolean },
  ) {
    const box = document.createElement("div");
    box.className = "kn-terminal";
    if (options.minHeight) box.style.minHeight = `${options.minHeight}px`;
    host.append(box);
    this.log = document.createElement("div");
    this.log.className = "kn-sr-only";
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-label", label);
    host.append(this.log);
    const cols = Math.max(40, Math.floor((host.clientWidth - 16) / charWidth(host)));
    this.term = new Terminal({
      rows: Math.min(MAX_ROWS, Math.max(2, options.rows)),
      cols,
      convertEol: true,
      disableStdin: !options.input,
      cursorBlink: false,
      cursorStyle: options.input ? "block" : "underline",
      cursorInactiveStyle: "none",
      fontFamily: "var(--sl-font-mono, ui-monospace, monospace)",
      fontSize: 13,
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
    this.log.textContent = "";
  }

  /** Append output; stderr shows in red. */
  write(stream: Stream, chunk: string): void {
    const plain = chunk.replace(ANSI, "");
    this.text += plain;
    this.log.append(plain);
    this.lines += chunk.split("\n").length - 1;
    if (this.lines + 1 > this.term.rows && this.term.rows < MAX_ROWS) {
      this.term.resize(this.term.cols, Math.min(MAX_ROWS, this.lines + 1));
    }
    this.term.write(stream === "stderr" ? `\x1b[31m${chunk}\x1b[0m` : chunk);
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
  return new OutputTerminal(host, label, { rows: savedText.split("\n").length, minHeight: height });
}
