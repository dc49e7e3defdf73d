/** Hold one cell's DOM handles and state: original code, current text, terminal, editor. */
import type { EditorView } from "@codemirror/view";
import type { OutputTerminal } from "./cell-terminal.ts";

/** Describe where a cell's current text came from. */
export type CellOrigin = "original" | "edited" | "shared";

/** Gather what the page knows about one cell. */
export interface CellView {
  el: HTMLElement;
  id: string;
  /** 1-based position on the page, as readers count cells. */
  number: number;
  original: { source: string; js: string; map?: string };
  source: string;
  origin: CellOrigin;
  ran: boolean;
  running: boolean;
  compiled?: { source: string; js: string; sourceMap: string };
  terminal?: OutputTerminal;
  editor?: EditorView;
  highlighted: Element | null;
  ui: {
    run: HTMLButtonElement;
    stop: HTMLButtonElement;
    edit: HTMLButtonElement;
    revert: HTMLButtonElement;
    badge: HTMLElement;
    note: HTMLElement;
    count: HTMLElement;
  };
}

function button(cell: HTMLElement, action: string): HTMLButtonElement {
  return cell.querySelector<HTMLButtonElement>(`[data-kn-action="${action}"]`)!;
}

/** Read a cell element (already given its buttons by the entry script) into a CellView. */
export function readCell(el: HTMLElement, position: number): CellView {
  const text = el.querySelector(".kn-cell-data")?.textContent ?? "{}";
  const data = JSON.parse(text) as { source?: string; js?: string; map?: string };
  const original = { source: data.source ?? "", js: data.js ?? "", map: data.map };
  return {
    el,
    id: el.dataset.id ?? `cell${position}`,
    number: position + 1,
    original,
    source: original.source,
    origin: "original",
    ran: false,
    running: false,
    highlighted: el.querySelector(".kn-cell-code > *"),
    ui: {
      run: button(el, "run"),
      stop: button(el, "stop"),
      edit: button(el, "edit"),
      revert: button(el, "revert"),
      badge: el.querySelector<HTMLElement>(".kn-cell-badge")!,
      note: el.querySelector<HTMLElement>(".kn-cell-note")!,
      count: el.querySelector<HTMLElement>(".kn-cell-count")!,
    },
  };
}

/** Show the cell's origin ("edited", "shared") and whether Revert applies. */
export function showOrigin(cell: CellView): void {
  cell.el.dataset.origin = cell.origin;
  cell.ui.revert.hidden = cell.origin === "original";
  const badge = cell.origin === "original" ? "" : cell.origin === "shared" ? "shared" : "edited";
  cell.ui.badge.textContent = badge;
}

/** Show whether the cell is running, and its execution count. */
export function showRunning(cell: CellView, running: boolean, count?: number): void {
  cell.running = running;
  cell.el.toggleAttribute("data-running", running);
  cell.el.setAttribute("aria-busy", String(running));
  cell.ui.stop.hidden = !running;
  if (running) cell.ui.count.textContent = "[*]";
  else cell.ui.count.textContent = count === undefined ? "" : `[${count}]`;
}
