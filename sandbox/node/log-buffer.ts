// A container's log kept compactly: a time, a stream and a text per line in parallel arrays instead of an
// object per line, and lines whose text is a fixed format of one argument rendered only when read.
import type { LogLine } from "./cri-types.ts";

/** Render a line's text from its time and argument (deterministic: same inputs, same text). */
export type LineFormat = (time: number, arg: string) => string;

// The arrays of a log without lines, shared by every such log; never written (the first line replaces them).
const NONE = Object.freeze([]) as unknown as never[];

/** Hold one container's log lines; {@link LogBuffer.lines} gives them as CRI log lines. */
export class LogBuffer {
  // Unboxed doubles, small integers (1 for stderr) and strings: about 24 bytes a line. The shared empty
  // arrays are replaced on the first line (a pod's pause container never logs one).
  private times: number[] = NONE;
  private errs: number[] = NONE;
  // The line's text, or its format's argument where `formats` has a format.
  private texts: string[] = NONE;
  // Made on the first formatted line; one entry per line from then on (undefined for plain ones).
  private formats: (LineFormat | undefined)[] | undefined;

  /** Count the lines kept. */
  get length(): number {
    return this.times.length;
  }

  /** Add a line. */
  push(time: number, stream: LogLine["stream"], text: string): void {
    if (this.times === NONE) this.open();
    this.times.push(time);
    this.errs.push(stream === "stderr" ? 1 : 0);
    this.texts.push(text);
    this.formats?.push(undefined);
  }

  /** Add a line whose text is `format(time, arg)`, rendered when the log is read. */
  pushFormatted(time: number, stream: LogLine["stream"], format: LineFormat, arg: string): void {
    if (this.formats === undefined)
      this.formats = new Array<LineFormat | undefined>(this.length).fill(undefined);
    if (this.times === NONE) this.open();
    this.times.push(time);
    this.errs.push(stream === "stderr" ? 1 : 0);
    this.texts.push(arg);
    this.formats.push(format);
  }

  private open(): void {
    this.times = [];
    this.errs = [];
    this.texts = [];
  }

  /** Drop the oldest lines beyond `max`. */
  trim(max: number): void {
    const extra = this.length - max;
    if (extra <= 0) return;
    this.times.splice(0, extra);
    this.errs.splice(0, extra);
    this.texts.splice(0, extra);
    this.formats?.splice(0, extra);
  }

  /** Give the lines, oldest first, as fresh objects. */
  lines(): LogLine[] {
    const out: LogLine[] = [];
    for (let i = 0; i < this.times.length; i++) {
      const time = this.times[i];
      const format = this.formats?.[i];
      const text = format === undefined ? this.texts[i] : format(time, this.texts[i]);
      out.push({ time, stream: this.errs[i] === 1 ? "stderr" : "stdout", text });
    }
    return out;
  }
}
