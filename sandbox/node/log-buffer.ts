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
  // so times and kinds are kept per run: run r covers the lines before runEnds[r] and after the previous
  // run. A kind is 1 for stderr, plus twice (1 + the index in `formats`) for a formatted line. The shared
  // empty arrays are replaced on the first line (a pod's pause container never logs one).
  private runEnds: number[] = NONE;
  private runTimes: number[] = NONE;
  private runKinds: number[] = NONE;
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
      this.runEnds = [];
      this.runTimes = [];
      this.runKinds = [];
      this.texts = [];
    }
    const n = this.texts.push(text);
    const last = this.runEnds.length - 1;
    if (last >= 0 && this.runKinds[last] === kind && Object.is(this.runTimes[last], time))
      this.runEnds[last] = n;
    else {
      this.runEnds.push(n);
      this.runTimes.push(time);
      this.runKinds.push(kind);
    }
  }

  /** Drop the oldest lines beyond `max`. */
  trim(max: number): void {
    const extra = this.length - max;
    if (extra <= 0) return;
    this.texts.splice(0, extra);
    let gone = 0;
    while (this.runEnds[gone] <= extra) gone++;
    if (gone > 0) {
      this.runEnds.splice(0, gone);
      this.runTimes.splice(0, gone);
      this.runKinds.splice(0, gone);
    }
    for (let r = 0; r < this.runEnds.length; r++) this.runEnds[r] -= extra;
  }

  /** Give the lines, oldest first, as fresh objects. */
  lines(): LogLine[] {
    const out: LogLine[] = [];
    let run = 0;
    for (let i = 0; i < this.texts.length; i++) {
      if (i >= this.runEnds[run]) run++;
      const time = this.runTimes[run];
      const kind = this.runKinds[run];
      const f = kind >> 1;
      const text = f === 0 ? this.texts[i] : this.formats[f - 1](time, this.texts[i]);
      out.push({ time, stream: (kind & 1) === 1 ? "stderr" : "stdout", text });
    }
    return out;
  }
}
