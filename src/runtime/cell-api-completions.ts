/** Offer the cell API's names, with the docs of its published types, as editor completions. */
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import typesText from "../../sandbox/cells/kubenotes.d.ts?raw";

const DECLARATION =
  /\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?(?:(function|const|interface)\s+)?([\w$]+)\s*(<[^>]*>)?\s*(\([^)]*\)|:)?/g;

function cleanDoc(doc: string): string {
  return doc
    .split("\n")
    .map((l) => l.replace(/^\s*\*\s?/, ""))
    .join("\n")
    .trim();
}

/** Read top-level exports and `api.` members, with their doc comments, from the cell API's .d.ts. */
export function readApiNames(text: string): { top: Completion[]; api: Completion[] } {
  const top: Completion[] = [];
  const api: Completion[] = [];
  const apiStart = text.indexOf("export const api");
  const apiEnd = text.indexOf("};", apiStart);
  for (const m of text.matchAll(DECLARATION)) {
    const [, doc, keyword, name, , params] = m;
    const at = m.index ?? 0;
    const inApi = at > apiStart && at < apiEnd;
    if (keyword === "interface") continue;
    const completion: Completion = {
      label: name,
      type: params?.startsWith("(") ? "function" : "variable",
      detail: params?.startsWith("(") ? params.replace(/\s+/g, " ") : undefined,
      info: cleanDoc(doc),
    };
    if (inApi) api.push(completion);
    else if (keyword) top.push(completion);
  }
  return { top, api };
}

const NAMES = readApiNames(typesText);

/** The cell API's names with their docs (for hover tooltips). */
export function apiNames(): { top: Completion[]; api: Completion[] } {
  return NAMES;
}

/** Complete cell API names at the cursor, and `api.` members after "api.". */
export function completeCellApi(context: CompletionContext): CompletionResult | null {
  const member = context.matchBefore(/\bapi\.[\w$]*/);
  if (member) return { from: member.from + 4, options: NAMES.api, validFor: /^[\w$]*$/ };
  const word = context.matchBefore(/[\w$]+/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return { from: word.from, options: NAMES.top, validFor: /^[\w$]*$/ };
}
