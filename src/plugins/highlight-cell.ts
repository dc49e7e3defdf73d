import { createHighlighter } from "shiki";

// Night Owl light and dark are the themes Starlight's expressive-code uses for its code blocks.
const THEMES = { light: "night-owl-light", dark: "night-owl" } as const;

let highlighter: ReturnType<typeof createHighlighter> | undefined;

/** Highlight a cell's TypeScript as a shiki <pre>, colours as CSS variables for both themes. */
export async function highlightCell(source: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: ["typescript"] });
  const shiki = await highlighter;
  return shiki.codeToHtml(source, { lang: "typescript", themes: THEMES, defaultColor: false });
}
