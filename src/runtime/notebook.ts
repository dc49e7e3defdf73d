/** Give each notebook its controls at once and load the notebook runtime on first interaction. */
import "./notebook.css";
import { bootKernel } from "./kernel-boot.ts";

type Controller = typeof import("./controller.ts");
type NotebookLike = InstanceType<Controller["Notebook"]>;

let controller: Promise<Controller> | undefined;
const notebooks = new WeakMap<HTMLElement, Promise<NotebookLike>>();

function button(action: string, text: string, label?: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `kn-button kn-${action}`;
  b.dataset.knAction = action;
  b.textContent = text;
  if (label) b.setAttribute("aria-label", label);
  return b;
}

function span(className: string, role?: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = className;
  if (role) s.setAttribute("role", role);
  return s;
}

/** Load (once) the controller of a notebook element and restore its edits. */
function notebookOf(root: HTMLElement): Promise<NotebookLike> {
  let nb = notebooks.get(root);
  if (!nb) {
    // The cluster boots in its worker while the runtime's code loads.
    const seed = root.dataset.seed === undefined ? undefined : Number(root.dataset.seed);
    const booted = bootKernel(root.dataset.preset ?? "default", seed);
    controller ??= import("./controller.ts");
    nb = controller.then(async ({ Notebook }) => {
      const notebook = new Notebook(root, booted);
      await notebook.restore();
      return notebook;
    });
    notebooks.set(root, nb);
  }
  return nb;
}

function addControls(root: HTMLElement): void {
  const bar = document.createElement("div");
  bar.className = "kn-toolbar not-content";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Notebook");
  const terminal = button("terminal", "Open terminal");
  terminal.setAttribute("aria-expanded", "false");
  bar.append(
    button("run-all", "Run all", "Run all cells"),
    button("reset", "Reset cluster"),
    terminal,
    button("share", "Share", "Share a link to your edits"),
    span("kn-notice", "status"),
  );
  const panel = document.createElement("section");
  panel.className = "kn-page-terminal not-content";
  panel.setAttribute("aria-label", "Page terminal");
  panel.hidden = true;
  root.prepend(bar, panel);
  root.querySelectorAll<HTMLElement>("kn-cell").forEach((cell, i) => {
    const n = i + 1;
    const cellBar = cell.querySelector(".kn-cell-bar") ?? cell;
    // A labelled span needs a role; as a status region it also announces "[3]" when a run ends.
    cell.querySelector(".kn-cell-count")?.setAttribute("role", "status");
    const stop = button("stop", "Stop", `Stop cell ${n}`);
    const revert = button("revert", "Revert to original", `Revert cell ${n} to the original`);
    stop.hidden = true;
    revert.hidden = true;
    cellBar.append(
      button("run", "Run", `Run cell ${n}`),
      stop,
      button("edit", "Edit", `Edit cell ${n}`),
      revert,
      span("kn-cell-badge"),
      span("kn-cell-note", "status"),
    );
  });
}

function dispatch(root: HTMLElement, action: string, target: Element): void {
  void notebookOf(root).then((nb) => nb.act(action as Parameters<NotebookLike["act"]>[0], nb.cellOf(target)));
}

function hasEdits(note: string): boolean {
  if (location.hash.startsWith("#kn=")) return true;
  try {
    for (let i = 0; i < localStorage.length; i++)
      if (localStorage.key(i)?.startsWith(`kubenotes:${note}:`)) return true;
  } catch {
    // storage blocked: nothing saved to restore
  }
  return false;
}

const INTENT = ["pointerover", "pointerdown", "touchstart", "focusin"] as const;

function enhance(root: HTMLElement): void {
  addControls(root);
  root.addEventListener("click", (event) => {
    const target = event.target as Element;
    const control = target.closest<HTMLElement>("[data-kn-action]");
    if (control) dispatch(root, control.dataset.knAction!, control);
    else if (target.closest(".kn-cell-code") && !target.closest(".cm-editor")) dispatch(root, "edit", target);
  });
  root.addEventListener("keydown", (event) => {
    const target = event.target as Element;
    if (event.key !== "Enter" || !target.closest("kn-cell") || target.closest(".cm-editor")) return;
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      dispatch(root, event.shiftKey ? "run-advance" : "run", target);
    }
  });
  // Intent to run, like a link prefetched on hover: start the kernel (and the runtime) as soon
  // as the reader points at, touches or tabs into a cell or the toolbar. A click that follows
  // while the cluster boots finds the same notebook and waits for it (see notebookOf).
  const warm = (event: Event) => {
    if (!(event.target as Element).closest?.("kn-cell, .kn-toolbar")) return;
    for (const type of INTENT) root.removeEventListener(type, warm);
    void notebookOf(root);
  };
  for (const type of INTENT) root.addEventListener(type, warm, { passive: true });
  if (hasEdits(root.dataset.note ?? location.pathname)) void notebookOf(root);
}

for (const root of document.querySelectorAll<HTMLElement>("kn-notebook")) enhance(root);
