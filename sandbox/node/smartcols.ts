// Column layout of util-linux's libsmartcols (lsns, lsblk, findmnt) for non-terminal output.

/** One libsmartcols column: header, width hint, right alignment. */
export interface ScolsColumn {
  header: string;
  /** Width hint from the tool's column table; an absolute hint widens narrow data up to it. */
  whint: number;
  right: boolean;
}

/** Lay out a table: width is the data width, at least the header, widened to the hint if narrower. */
export function layoutScols(
  cols: readonly ScolsColumn[],
  rows: readonly string[][],
  headings = true,
): string {
  const widths = cols.map((c, i) => {
    const min = c.header.length;
    const data = Math.max(0, ...rows.map((r) => r[i].length));
    if (data < min) return min;
    if (c.whint >= 1 && data < c.whint && min < c.whint) return c.whint;
    return data;
  });
  const lines = headings ? [cols.map((c) => c.header), ...rows] : [...rows];
  return lines
    .map((cells) =>
      cells
        .map((text, i) => {
          if (i === cells.length - 1 && !cols[i].right) return text;
          return cols[i].right ? text.padStart(widths[i]) : text.padEnd(widths[i]);
        })
        .join(" "),
    )
    .map((l) => `${l}\n`)
    .join("");
}
