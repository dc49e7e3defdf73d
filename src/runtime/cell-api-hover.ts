/** Show the cell API's docs (from its published types) when the pointer rests on one of its names. */
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import { apiNames } from "./cell-api-completions.ts";

function docFor(text: string, pos: number, side: -1 | 1): { from: number; to: number; name: string } | null {
  let from = pos;
  let to = pos;
  while (from > 0 && /[\w$]/.test(text[from - 1])) from--;
  while (to < text.length && /[\w$]/.test(text[to])) to++;
  if (from === to || (from === pos && side < 0) || (to === pos && side > 0)) return null;
  return { from, to, name: text.slice(from, to) };
}

/** A CodeMirror extension: hover a cell API name (`$`, `api.get`, `sleep`...) to read its signature and doc. */
export const cellApiHover = hoverTooltip((view, pos, side): Tooltip | null => {
  const line = view.state.doc.lineAt(pos);
  const word = docFor(line.text, pos - line.from, side);
  if (!word) return null;
  const member = line.text.slice(0, word.from).endsWith("api.");
  const names = apiNames();
  const entry = (member ? names.api : names.top).find((c) => c.label === word.name);
  if (!entry || typeof entry.info !== "string") return null;
  return {
    pos: line.from + word.from,
    end: line.from + word.to,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "kn-hover-doc";
      const sig = document.createElement("code");
      sig.textContent = `${member ? "api." : ""}${entry.label}${entry.detail ?? ""}`;
      const doc = document.createElement("p");
      doc.textContent = entry.info as string;
      dom.append(sig, doc);
      return { dom };
    },
  };
});
