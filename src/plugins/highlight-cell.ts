import { createHighlighter } from "shiki";
import { CELL_THEMES } from "./code-themes.ts";

let highlighter: ReturnType<typeof createHighlighter> | undefined;

/** Highlight a cell's TypeScript as a shiki <pre>, colours as CSS variables for both themes. */
export async function highlightCell(source: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(CELL_THEMES), langs: ["typescript"] });
  const shiki = await highlighter;
  return shiki.codeToHtml(source, { lang: "typescript", themes: CELL_THEMES, defaultColor: false });
}
