// ASCII boxes with a title in the top border, drawn with plain `+ - |` so they render the same in
// xterm.js, in a terminal and in a GitHub Markdown code block.

/** Draw a box titled `title` around `body`, at least `minInner` columns wide inside. */
export function box(title: string, body: string[], minInner = 0): string[] {
  const inner = Math.max(minInner, title.length + 2, ...body.map((l) => l.length));
  const top = `+- ${title} ${"-".repeat(inner - title.length - 1)}+`;
  const bottom = `+${"-".repeat(inner + 2)}+`;
  return [top, ...body.map((l) => `| ${l.padEnd(inner)} |`), bottom];
}

/** The inner width box() would choose for this title and body. */
export function boxInner(title: string, body: string[]): number {
  return Math.max(title.length + 2, ...body.map((l) => l.length));
}

/** Lay out rows of cells as left-aligned columns separated by two spaces. */
export function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  }
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  "));
}
