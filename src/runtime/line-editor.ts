/** Edit one command line from terminal key data: cursor moves, kill keys, history. No DOM. */

/** Tell the terminal what a key asks for beyond redrawing the line. */
export type LineAction =
  | { kind: "redraw" }
  | { kind: "submit"; line: string }
  | { kind: "complete"; line: string }
  | { kind: "interrupt" }
  | { kind: "clear-screen" }
  | { kind: "none" };

/** Hold the line being typed, the cursor and the history of submitted lines. */
export class LineEditor {
  buffer = "";
  cursor = 0;
  private readonly history: string[] = [];
  private historyAt = 0;
  private draft = "";

  /** Apply one chunk of terminal input (a key or pasted text). */
  handle(data: string): LineAction {
    switch (data) {
      case "\r":
        return this.submit();
      case "\x7f":
      case "\b":
        if (this.cursor === 0) return { kind: "none" };
        this.edit(this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor), this.cursor - 1);
        return { kind: "redraw" };
      case "\x1b[3~":
        this.edit(this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1), this.cursor);
        return { kind: "redraw" };
      case "\x1b[D":
      case "\x02":
        return this.move(this.cursor - 1);
      case "\x1b[C":
      case "\x06":
        return this.move(this.cursor + 1);
      case "\x1b[H":
      case "\x1bOH":
      case "\x01":
        return this.move(0);
      case "\x1b[F":
      case "\x1bOF":
      case "\x05":
        return this.move(this.buffer.length);
      case "\x15":
        this.edit(this.buffer.slice(this.cursor), 0);
        return { kind: "redraw" };
      case "\x0b":
        this.edit(this.buffer.slice(0, this.cursor), this.cursor);
        return { kind: "redraw" };
      case "\x1b[A":
        return this.recall(-1);
      case "\x1b[B":
        return this.recall(1);
      case "\t":
        return { kind: "complete", line: this.buffer.slice(0, this.cursor) };
      case "\x03":
        this.edit("", 0);
        this.historyAt = this.history.length;
        return { kind: "interrupt" };
      case "\x0c":
        return { kind: "clear-screen" };
    }
    if (data.startsWith("\x1b")) return { kind: "none" };
    const text = data.replace(/\r\n?/g, "\n").replace(/[\x00-\x1f]/g, (c) => (c === "\n" ? "\n" : ""));
    if (text.includes("\n")) {
      const [first] = text.split("\n");
      this.insert(first);
      return this.submit();
    }
    this.insert(text);
    return { kind: "redraw" };
  }

  /** Insert text at the cursor, e.g. a completion. */
  insert(text: string): void {
    this.edit(
      this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor),
      this.cursor + text.length,
    );
  }

  private submit(): LineAction {
    const line = this.buffer;
    if (line.trim() !== "" && this.history.at(-1) !== line) this.history.push(line);
    this.historyAt = this.history.length;
    this.edit("", 0);
    return { kind: "submit", line };
  }

  private move(to: number): LineAction {
    this.cursor = Math.max(0, Math.min(this.buffer.length, to));
    return { kind: "redraw" };
  }

  private recall(step: number): LineAction {
    const at = this.historyAt + step;
    if (at < 0 || at > this.history.length) return { kind: "none" };
    if (this.historyAt === this.history.length) this.draft = this.buffer;
    this.historyAt = at;
    const line = at === this.history.length ? this.draft : this.history[at];
    this.edit(line, line.length);
    return { kind: "redraw" };
  }

  private edit(buffer: string, cursor: number): void {
    this.buffer = buffer;
    this.cursor = cursor;
  }
}

/** Return the escape sequence that redraws `prompt + buffer` and puts the cursor in place. */
export function redrawLine(prompt: string, editor: LineEditor): string {
  const back = editor.buffer.length - editor.cursor;
  return `\r\x1b[K${prompt}${editor.buffer}${back > 0 ? `\x1b[${back}D` : ""}`;
}

/** Find the longest prefix shared by every completion. */
export function commonPrefix(items: string[]): string {
  if (items.length === 0) return "";
  let prefix = items[0];
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
