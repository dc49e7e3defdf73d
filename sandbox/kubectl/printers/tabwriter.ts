// Column layout with kubectl's tabwriter settings: minwidth 6, padding 3, pad with spaces (FIDELITY §1.5).
// Widths count code points, as Go's text/tabwriter does. The last cell of a line is never padded.

const MIN_WIDTH = 6;
const PADDING = 3;

/** Count the characters (code points) of a cell, the unit tabwriter measures in. */
export function cellWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function computeWidths(rows: readonly (readonly string[])[], remembered: number[]): number[] {
  const widths = [...remembered];
  for (const row of rows) {
    // Only tab-terminated cells (all but the last) belong to a column.
    for (let j = 0; j < row.length - 1; j++) {
      const w = Math.max(cellWidth(row[j]) + PADDING, MIN_WIDTH);
      if (widths[j] === undefined || w > widths[j]) widths[j] = w;
    }
  }
  return widths;
}

function renderLines(rows: readonly (readonly string[])[], widths: number[]): string {
  let out = "";
  for (const row of rows) {
    let line = "";
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      line += j < row.length - 1 ? cell + " ".repeat(widths[j] - cellWidth(cell)) : cell;
    }
    out += line + "\n";
  }
  return out;
}

/** Lay out rows of cells as aligned text, one line per row, each ending in a newline. */
export function layoutRows(rows: readonly (readonly string[])[]): string {
  return renderLines(rows, computeWidths(rows, []));
}

/**
 * Lay out a table that arrives in flushes, as `kubectl get -w` does: the header is printed once,
 * column widths are remembered across flushes and may grow but never shrink, and lines already
 * printed are never re-aligned.
 */
export class WatchTableWriter {
  private widths: number[] = [];
  private header: readonly string[] | null;

  /** Create a writer; pass `null` as the header for `--no-headers`. */
  constructor(header: readonly string[] | null) {
    this.header = header;
  }

  /** Lay out one flush of rows (preceded by the header on the first flush) and return its text. */
  write(rows: readonly (readonly string[])[]): string {
    const lines = this.header ? [this.header, ...rows] : [...rows];
    this.header = null;
    if (lines.length === 0) return "";
    this.widths = computeWidths(lines, this.widths);
    return renderLines(lines, this.widths);
  }
}
