/** Run a notebook page: cells in order on one kernel, editing, persistence, sharing, the page terminal. */

import { saveSiteForOffline } from "../offline/save-site.ts";
import type { Stream } from "../workers/protocol.ts";
import { mountCellTerminal, type OutputTerminal } from "./cell-terminal.ts";
import { type CellView, readCell, showOrigin, showRunning } from "./cell-view.ts";
import { EditsStore } from "./edits-store.ts";
import type { BootedKernel } from "./kernel-boot.ts";
import { KernelClient } from "./kernel-client.ts";
import { decodeShare, encodeShare } from "./share.ts";

type EditorModule = typeof import("./cell-editor.ts");

/** Say what a control asks the notebook to do. */
export type Action =
  | "run"
  | "run-advance"
  | "run-all"
  | "stop"
  | "edit"
  | "revert"
  | "reset"
  | "terminal"
  | "share";

/** Drive one kn-notebook element. */
export class Notebook {
  readonly cells: CellView[];
  readonly kernel: KernelClient;
  private readonly root: HTMLElement;
  private readonly store: EditsStore;
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private stopReason = "";
  private counter = 0;
  private editorModule: Promise<EditorModule> | undefined;
  private terminalOpen = false;

  constructor(root: HTMLElement, booted?: BootedKernel) {
    this.root = root;
    this.cells = [...root.querySelectorAll<HTMLElement>("kn-cell")].map(readCell);
    const seed = root.dataset.seed === undefined ? undefined : Number(root.dataset.seed);
    this.kernel = new KernelClient({ preset: root.dataset.preset ?? "default", seed, booted });
    this.store = new EditsStore(root.dataset.note ?? location.pathname, (message) => this.notice(message));
    // The reader has started a notebook: keep the site (every lesson and the runtime) for offline use.
    this.kernel.whenReady().then(saveSiteForOffline, () => {});
  }

  /** Restore saved edits, then shared ones from the URL (shown, not saved until edited). */
  async restore(): Promise<void> {
    const shared = await decodeShare(location.hash);
    for (const cell of this.cells) {
      const sharedSource = shared?.[cell.id];
      const saved = this.store.get(cell.id);
      if (sharedSource !== undefined && sharedSource !== cell.original.source)
        this.useSource(cell, sharedSource, "shared");
      else if (saved !== undefined && saved !== cell.original.source) this.useSource(cell, saved, "edited");
      else continue;
      await this.edit(cell, false);
    }
    if (shared) this.notice("This page shows edits shared with you; they are saved once you change them.");
  }

  /** Carry out one control's action, for one cell or the page. */
  async act(action: Action, cell?: CellView): Promise<void> {
    switch (action) {
      case "run":
      case "run-advance":
        if (cell) await this.runUpTo(cell, action === "run-advance");
        return;
      case "run-all":
        await this.runAll();
        return;
      case "stop":
        this.stopNow("you pressed Stop");
        return;
      case "edit":
        if (cell) await this.edit(cell, true);
        return;
      case "revert":
        if (cell) this.revert(cell);
        return;
      case "reset":
        await this.reset();
        return;
      case "terminal":
        await this.toggleTerminal();
        return;
      case "share":
        await this.share();
        return;
    }
  }

  /** Find the view of a cell element. */
  cellOf(el: Element | null): CellView | undefined {
    const host = el?.closest("kn-cell");
    return this.cells.find((c) => c.el === host);
  }

  private runUpTo(cell: CellView, advance: boolean): Promise<unknown> {
    if (advance) this.focusNext(cell);
    const generation = this.generation;
    return this.enqueue(async () => {
      for (const earlier of this.cells.slice(0, cell.number - 1)) {
        if (earlier.ran) continue;
        const ok = await this.exec(earlier, `ran automatically before cell ${cell.number}`);
        if (!ok || generation !== this.generation) return;
      }
      await this.exec(cell);
    });
  }

  private runAll(): Promise<unknown> {
    const generation = this.generation;
    return this.enqueue(async () => {
      for (const cell of this.cells) {
        const ok = await this.exec(cell);
        if (!ok || generation !== this.generation) return;
      }
    });
  }

  private enqueue(job: () => Promise<void>): Promise<unknown> {
    this.queue = this.queue.then(job, job);
    return this.queue;
  }

  /** Run one cell now; false when it could not finish (compile error or stopped). */
  private async exec(cell: CellView, note = ""): Promise<boolean> {
    const generation = this.generation;
    // A new terminal takes ~25 ms to mount. When the kernel can take the cell at once, the cell is
    // sent first and the terminal mounts while the worker runs it, still within this task, so the
    // next frame shows the same running cell and empty terminal as mounting first would.
    const overlap = !cell.terminal && this.kernel.idle && this.compiledAlready(cell);
    if (!overlap) this.terminalOf(cell).clear();
    cell.ui.note.textContent = note;
    showRunning(cell, true);
    const write = (stream: Stream, text: string) => this.terminalOf(cell).write(stream, text);
    const code = await this.codeOf(cell, write);
    if (code && generation !== this.generation) {
      this.terminalOf(cell).notice(`Stopped: ${this.stopReason}.`);
      showRunning(cell, false);
      return false;
    }
    if (!code) {
      showRunning(cell, false);
      cell.ran = false;
      return false;
    }
    let result: Awaited<ReturnType<KernelClient["runCell"]>>;
    try {
      const mount = overlap ? () => this.terminalOf(cell) : undefined;
      result = await this.kernel.runCell(cell.id, code.js, code.sourceMap, write, mount);
    } catch (error) {
      result = { ok: false, stopped: String(error) };
    }
    if (result.stopped) {
      const ran = this.cells.filter((c) => c.ran).length;
      this.terminalOf(cell).notice(
        `\nStopped: ${result.stopped}. The cluster was restored by replaying the ${ran} cell(s) that ran before.`,
      );
      showRunning(cell, false);
      cell.ran = false;
      return false;
    }
    cell.ran = true;
    showRunning(cell, false, ++this.counter);
    return true;
  }

  /** Mount the cell's terminal in place of its saved output, once. */
  private terminalOf(cell: CellView): OutputTerminal {
    if (!cell.terminal) {
      const start = performance.now();
      cell.terminal = mountCellTerminal(cell.el, `Output of cell ${cell.number}`);
      performance.measure("kn:terminal-mount", { start });
    }
    return cell.terminal;
  }

  /** Tell whether the cell's code is at hand without compiling. */
  private compiledAlready(cell: CellView): boolean {
    return cell.origin === "original" || cell.compiled?.source === cell.source;
  }

  private async codeOf(cell: CellView, write: (stream: Stream, text: string) => void) {
    if (cell.origin === "original") return { js: cell.original.js, sourceMap: cell.original.map };
    if (cell.compiled?.source === cell.source) return cell.compiled;
    const { compileCell } = await import("./compiler-client.ts");
    const editor = await this.editorModule;
    const source = cell.source;
    const result = await compileCell(source);
    if (cell.editor && editor) editor.showErrors(cell.editor, result.errors);
    if (result.errors.length > 0) {
      for (const e of result.errors)
        write("stderr", `cell ${cell.number}, line ${e.line}:${e.column}: error: ${e.text}\n`);
      return undefined;
    }
    cell.compiled = { source, js: result.js, sourceMap: result.sourceMap };
    return cell.compiled;
  }

  private stopNow(reason: string): void {
    if (!this.cells.some((c) => c.running)) return;
    this.generation++;
    this.stopReason = reason;
    // Stopped while compiling: nothing runs in the kernel yet, and exec sees the new generation.
    if (this.kernel.busy) this.kernel.stop(reason);
  }

  private async reset(): Promise<void> {
    this.generation++;
    await this.kernel.reset();
    for (const cell of this.cells) {
      cell.ran = false;
      cell.ui.note.textContent = "";
      showRunning(cell, false);
    }
    this.notice("The cluster was reset; cells run again from the start.");
  }

  private useSource(cell: CellView, source: string, origin: CellView["origin"]): void {
    cell.source = source;
    cell.origin = origin;
    showOrigin(cell);
  }

  private async edit(cell: CellView, focus: boolean): Promise<void> {
    this.editorModule ??= import("./cell-editor.ts");
    const editor = await this.editorModule;
    if (!cell.editor) {
      const host = cell.el.querySelector<HTMLElement>(".kn-cell-code")!;
      cell.editor = editor.mountEditor(host, cell.source, `Code of cell ${cell.number}`, {
        onChange: (source) => this.changed(cell, source),
        onRun: (advance) => void this.act(advance ? "run-advance" : "run", cell),
        onLeave: () => cell.ui.run.focus(),
      });
      cell.ui.edit.hidden = true;
    }
    if (focus) cell.editor.focus();
  }

  private changed(cell: CellView, source: string): void {
    void import("./compiler-client.ts").then((c) => c.warmCompiler()).catch((e) => this.notice(String(e)));
    const origin = source === cell.original.source ? "original" : "edited";
    this.useSource(cell, source, origin);
    if (origin === "edited") this.store.set(cell.id, source);
    else this.store.remove(cell.id);
  }

  private revert(cell: CellView): void {
    this.store.remove(cell.id);
    this.useSource(cell, cell.original.source, "original");
    cell.editor?.destroy();
    cell.editor = undefined;
    const host = cell.el.querySelector<HTMLElement>(".kn-cell-code")!;
    if (cell.highlighted) host.replaceChildren(cell.highlighted);
    cell.ui.edit.hidden = false;
    cell.ui.edit.focus();
  }

  private async share(): Promise<void> {
    const edits: Record<string, string> = {};
    for (const cell of this.cells) if (cell.origin !== "original") edits[cell.id] = cell.source;
    if (Object.keys(edits).length === 0) {
      this.notice("Nothing to share yet: edit a cell first.");
      return;
    }
    history.replaceState(null, "", await encodeShare(edits));
    const copied = await navigator.clipboard?.writeText(location.href).then(
      () => true,
      () => false,
    );
    this.notice(
      copied
        ? "Link copied: it opens this page with your edits."
        : "The address bar now holds a link with your edits.",
    );
  }

  private async toggleTerminal(): Promise<void> {
    const panel = this.root.querySelector<HTMLElement>(".kn-page-terminal")!;
    const button = this.root.querySelector<HTMLElement>('[data-kn-action="terminal"]')!;
    if (!this.terminalOpen) {
      this.terminalOpen = true;
      panel.hidden = false;
      const { openPageTerminal } = await import("./page-terminal.ts");
      const terminal = openPageTerminal(panel, this.kernel);
      panel.dataset.ready = "";
      button.setAttribute("aria-expanded", "true");
      terminal.term.focus();
      return;
    }
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
  }

  private focusNext(cell: CellView): void {
    const next = this.cells[cell.number];
    if (!next) return;
    if (next.editor) next.editor.focus();
    else next.ui.run.focus();
    next.el.scrollIntoView({ block: "nearest" });
  }

  private notice(message: string): void {
    const el = this.root.querySelector(".kn-notice");
    if (el) el.textContent = message;
  }
}
