// A container's log kept compactly: a text per line and a time and stream per run of lines, instead of an
// object per line, and lines whose text is a fixed format of one argument rendered only when read.
import type { LogLine } from "./cri-types.ts";

/** Render a line's text from its time and argument (deterministic: same inputs, same text). */
export type LineFormat = (time: number, arg: string) => string;

// The arrays of a log without lines, shared by every such log; never written (the first line replaces them).
const NONE = Object.freeze([]) as unknown as never[];

/** Hold one container's log lines; {@link LogBuffer.lines} gives them as CRI log lines. */
export class LogBuffer {
  // A log's lines come in bursts of one instant and kind (flanneld's lease lines, nginx's start-up notices),
  // so times and kinds are kept per run, three numbers a run in one array (one array, not three: most logs
  // have two or three runs): the end of run r (it covers the lines from the previous run's end up to it) at
  // 3r, its time at 3r + 1, its kind at 3r + 2. A kind is 1 for stderr, plus twice (1 + the index in
  // `formats`) for a formatted line. The shared empty arrays are replaced on the first line (a pod's pause
  // container never logs one).
  private runs: number[] = NONE;
  // The line's text, or its format's argument for a formatted line: about 8 bytes a line.
  private texts: string[] = NONE;
  // The distinct formats this log's lines use (flanneld's lease line: one), in first-use order.
  private formats: LineFormat[] = NONE;

  /** Count the lines kept. */
  get length(): number {
    return this.texts.length;
  }

  /** Add a line. */
  push(time: number, stream: LogLine["stream"], text: string): void {
    this.add(time, stream === "stderr" ? 1 : 0, text);
  }

  /** Add a line whose text is `format(time, arg)`, rendered when the log is read. */
  pushFormatted(time: number, stream: LogLine["stream"], format: LineFormat, arg: string): void {
    let f = this.formats.indexOf(format);
    if (f < 0) {
      if (this.formats === NONE) this.formats = [];
      f = this.formats.push(format) - 1;
    }
    this.add(time, (stream === "stderr" ? 1 : 0) + 2 * (f + 1), arg);
  }

  private add(time: number, kind: number, text: string): void {
    if (this.texts === NONE) {
      this.runs = [];
      this.texts = [];
    }
    const n = this.texts.push(text);
    const runs = this.runs;
    const last = runs.length - 3;
    if (last >= 0 && runs[last + 2] === kind && Object.is(runs[last + 1], time)) runs[last] = n;
    else runs.push(n, time, kind);
  }

  /** Copy the lists to their exact size (after a burst, such as a start-up's lines): push keeps spare room. */
  compact(): void {
    if (this.texts === NONE) return;
    this.texts = this.texts.slice();
    this.runs = this.runs.slice();
  }

  /** Drop the oldest lines beyond `max`. */
  trim(max: number): void {
    const extra = this.length - max;
    if (extra <= 0) return;
    this.texts.splice(0, extra);
    const runs = this.runs;
    let gone = 0;
    while (gone < runs.length && runs[gone] <= extra) gone += 3;
    if (gone > 0) runs.splice(0, gone);
    for (let r = 0; r < runs.length; r += 3) runs[r] -= extra;
  }

  /** Give the lines, oldest first, as fresh objects. */
  lines(): LogLine[] {
    const out: LogLine[] = [];
    const runs = this.runs;
    let run = 0;
    for (let i = 0; i < this.texts.length; i++) {
      if (i >= runs[run]) run += 3;
      const time = runs[run + 1];
      const kind = runs[run + 2];
      const f = kind >> 1;
      const text = f === 0 ? this.texts[i] : this.formats[f - 1](time, this.texts[i]);
      out.push({ time, stream: (kind & 1) === 1 ? "stderr" : "stdout", text });
    }
    return out;
  }
}
