// The olekukonko/tablewriter layout etcdctl uses for `-w table`: centred upper-case headers, right-aligned cells.

/** Render a header and rows as etcdctl's ASCII table. */
export function renderTable(header: string[], rows: string[][]): string {
  const heads = header.map((h) => h.toUpperCase());
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+\n`;
  const center = (s: string, w: number) => {
    const left = Math.floor((w - s.length) / 2);
    return " ".repeat(left) + s + " ".repeat(w - s.length - left);
  };
  const line = (cells: string[], pad: (s: string, w: number) => string) =>
    `|${cells.map((c, i) => ` ${pad(c, widths[i])} `).join("|")}|\n`;
  return (
    rule + line(heads, center) + rule + rows.map((r) => line(r, (s, w) => s.padStart(w))).join("") + rule
  );
}
