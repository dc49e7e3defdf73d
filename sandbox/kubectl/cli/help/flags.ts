// Render a command's Options section the way kubectl's templater (flagsUsages) does.
import type { FlagSpec } from "../types.ts";
import { wrapString } from "./wordwrap.ts";

// kubectl wraps flag descriptions 10 columns short of the terminal width.
const OFFSET = 10;

/** Render one flag: `    -o, --output='':` then the description on a tab-indented line. */
export function flagUsage(flag: FlagSpec, width: number): string {
  const def = flag.type === "string" && !flag.unquoted ? `'${flag.defValue}'` : flag.defValue;
  const head = `    ${flag.shorthand ? `-${flag.shorthand}, ` : ""}--${flag.name}=${def}:`;
  const deprecated = flag.deprecated ? ` (DEPRECATED: ${flag.deprecated})` : "";
  // Newlines inside a usage text are joined with spaces before wrapping.
  let usage = (flag.usage + deprecated).split("\n").join(" ");
  if (width > 0) usage = wrapString(usage, width - OFFSET);
  return `${head}\n${usage}`.replaceAll("\n", "\n\t");
}

/** Render the visible flags, sorted by name, each followed by a blank line (flagsUsages). */
export function flagsUsages(flags: FlagSpec[], width: number): string {
  return [...flags]
    .filter((f) => !f.hidden && f.name !== "help")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${flagUsage(f, width)}\n\n`)
    .join("");
}
