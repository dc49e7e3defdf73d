// A port of Go's text/tabwriter with the settings kubectl describe uses:
// minwidth 0, tabwidth 8, padding 2, padchar ' ', no flags.

interface Cell {
  /** Length of the cell text in the buffer (UTF-16 units). */
  size: number;
  /** Display width of the cell text (code points). */
  width: number;
}

const PADDING = 2;

/** Align tab-separated cells into columns exactly as Go's tabwriter does. */
export class TabWriter {
  private out = "";
  private buf = "";
  private cell: Cell = { size: 0, width: 0 };
  private lines: Cell[][] = [[]];
  private widths: number[] = [];

  /** Append text; a line without any tab ends the current column block (Go flushes there). */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "\t" && ch !== "\v" && ch !== "\n" && ch !== "\f") continue;
      this.append(text.slice(start, i));
      start = i + 1;
      const cells = this.terminateCell();
      if (ch === "\n" || ch === "\f") {
        this.lines.push([]);
        if (ch === "\f" || cells === 1) this.flush();
      }
    }
    this.append(text.slice(start));
  }

  /** Format everything buffered so far; later text starts fresh column blocks. */
  flush(): void {
    if (this.cell.size > 0) this.terminateCell();
    this.format(0, 0, this.lines.length);
    this.buf = "";
    this.cell = { size: 0, width: 0 };
    this.lines = [[]];
    this.widths = [];
  }

  /** Flush and return all output written so far. */
  result(): string {
    this.flush();
    return this.out;
  }

  private append(text: string): void {
    if (text === "") return;
    this.buf += text;
    this.cell.size += text.length;
    this.cell.width += [...text].length;
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1];
    line.push(this.cell);
    this.cell = { size: 0, width: 0 };
    return line.length;
  }

  // The recursive column-block algorithm of Go's Writer.format.
  private format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row].length - 1) continue;
      pos = this.writeLines(pos, line0, row);
      line0 = row;
      let width = 0;
      for (; row < line1; row++) {
        const line = this.lines[row];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + PADDING);
      }
      this.widths.push(width);
      pos = this.format(pos, line0, row);
      this.widths.pop();
      line0 = row;
    }
    return this.writeLines(pos, line0, line1);
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.size > 0) {
          this.out += this.buf.slice(pos, pos + c.size);
          pos += c.size;
        }
        if (j < this.widths.length) this.out += " ".repeat(this.widths[j] - c.width);
      });
      if (i + 1 === this.lines.length) {
        this.out += this.buf.slice(pos, pos + this.cell.size);
        pos += this.cell.size;
      } else {
        this.out += "\n";
      }
    }
    return pos;
  }
}
