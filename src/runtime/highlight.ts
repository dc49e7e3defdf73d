/** Colour TypeScript in the editor through CSS variables, so light and dark themes both keep contrast. */
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { tags as t } from "@lezer/highlight";

const style = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier, t.controlKeyword], color: "var(--kn-code-keyword)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--kn-code-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--kn-code-number)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--kn-code-comment)", fontStyle: "italic" },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.variableName)],
    color: "var(--kn-code-def)",
  },
  { tag: [t.typeName, t.className, t.namespace], color: "var(--kn-code-type)" },
  { tag: t.invalid, color: "var(--kn-code-keyword)", textDecoration: "underline" },
]);

/** Return the editor's syntax colouring. */
export function cellHighlighting(): Extension {
  return syntaxHighlighting(style);
}
