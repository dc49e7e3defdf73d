/** Edit a cell in CodeMirror 6: TypeScript, undo, brackets, cell API completion, error underlines. */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { EditorState, type Extension, Prec, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap, lineNumbers, tooltips } from "@codemirror/view";
import type { Diagnostic } from "../workers/protocol.ts";
import { completeCellApi } from "./cell-api-completions.ts";
import { cellApiHover } from "./cell-api-hover.ts";
import { cellHighlighting } from "./highlight.ts";

/** Say what the cell wants from keys pressed in its editor. */
export interface EditorHooks {
  onChange: (source: string) => void;
  onRun: (advance: boolean) => void;
  onLeave: () => void;
}

const setErrors = StateEffect.define<Diagnostic[]>();

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setErrors)) continue;
      const doc = tr.state.doc;
      const marks = effect.value.map((d) => {
        const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
        const from = Math.min(line.from + d.column - 1, line.to);
        const to = Math.min(Math.max(from + d.length, from + 1), doc.length);
        const mark = Decoration.mark({ class: "kn-error", attributes: { title: d.text } });
        return from < to ? mark.range(from, to) : mark.range(line.from, Math.max(line.to, line.from + 1));
      });
      next = Decoration.set(
        marks.filter((m) => m.from < m.to),
        true,
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Completion lists and hover docs live in one box on <body>: drawn inside the main column, they would sit
// under Starlight's right sidebar, whose text showed through them.
let tooltipBox: HTMLElement | undefined;

function tooltipParent(): HTMLElement {
  if (!tooltipBox) {
    tooltipBox = document.createElement("div");
    tooltipBox.className = "kn-tooltips";
    document.body.append(tooltipBox);
  }
  return tooltipBox;
}

function extensions(hooks: EditorHooks, label: string): Extension[] {
  return [
    tooltips({ parent: tooltipParent() }),
    lineNumbers(),
    history(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    cellHighlighting(),
    javascript({ typescript: true }),
    autocompletion({ override: [completeCellApi] }),
    cellApiHover,
    errorField,
    Prec.highest(
      keymap.of([
        {
          key: "Shift-Enter",
          run: () => {
            hooks.onRun(true);
            return true;
          },
        },
        {
          key: "Mod-Enter",
          run: () => {
            hooks.onRun(false);
            return true;
          },
        },
        {
          key: "Escape",
          run: () => {
            hooks.onLeave();
            return true;
          },
        },
      ]),
    ),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
    // An explicit tabindex makes the contenteditable count as focusable content of the
    // scroller, so a long line stays reachable by keyboard (axe scrollable-region-focusable).
    EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    }),
  ];
}

/** Replace a cell's highlighted code with an editor holding `source`. */
export function mountEditor(
  host: HTMLElement,
  source: string,
  label: string,
  hooks: EditorHooks,
): EditorView {
  host.replaceChildren();
  return new EditorView({
    parent: host,
    state: EditorState.create({ doc: source, extensions: extensions(hooks, label) }),
  });
}

/** Underline compile errors in the editor (an empty list clears them). */
export function showErrors(view: EditorView, errors: Diagnostic[]): void {
  view.dispatch({ effects: setErrors.of(errors) });
}

/** Replace the editor's whole text, e.g. on "Revert to original". */
export function setSource(view: EditorView, source: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } });
}
