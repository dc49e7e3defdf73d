// `kubectl options`: the global flags, printed with kubectl's options template.
import { GLOBAL_FLAGS } from "../global-flags.ts";
import { flagsUsages } from "../help/flags.ts";
import { wrapLimit, wrapString } from "../help/wordwrap.ts";
import type { CommandSpec } from "../types.ts";

/** The `options` command; the root help leaves it out of its command lists, as kubectl filters it. */
export const OPTIONS_COMMAND: CommandSpec = {
  name: "options",
  use: "",
  short: "Print the list of flags inherited by all commands",
  long: "Print the list of flags inherited by all commands",
  flags: [],
};

/** Render what `kubectl options` prints: every inherited flag, each followed by a blank line. */
export function optionsText(width = 0): string {
  const limit = wrapLimit(width);
  const text = `The following options can be passed to any command:\n\n${flagsUsages(GLOBAL_FLAGS, limit)}`;
  return limit > 0 ? wrapString(text, limit) : text;
}
