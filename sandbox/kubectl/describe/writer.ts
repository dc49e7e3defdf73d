// The indenting writer every describer prints through (kubectl's PrefixWriter over a tabwriter).
import { TabWriter } from "./tabwriter.ts";

/** Write text at an indentation level of two spaces per level. */
export interface DescribeWriter {
  write(level: number, text: string): void;
  flush(): void;
}

/** Run a describer body against a fresh tabwriter and return the aligned text. */
export function tabbedString(body: (w: DescribeWriter) => void): string {
  const tw = new TabWriter();
  body({
    write: (level, text) => tw.write("  ".repeat(level) + text),
    flush: () => tw.flush(),
  });
  return tw.result();
}
