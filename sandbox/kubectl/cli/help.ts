// Render `kubectl [command] --help` as kubectl v1.32's templater does.

import { flagsUsages } from "./help/flags.ts";
import { commandGroups } from "./help/groups.ts";
import { wrapLimit, wrapString } from "./help/wordwrap.ts";
import type { CommandSpec } from "./types.ts";

/** Rendering options: `width` is the terminal width (0, the default, means output is not a terminal). */
export interface HelpOptions {
  width?: number;
}

/** Render the usage part (after the description) for the command at the end of `path`. */
export function usageString(path: CommandSpec[], width: number): string {
  const c = path[path.length - 1];
  const isRoot = path.length === 1;
  const names = path.map((p) => p.name);
  let out = "\n\n";
  if (c.aliases && c.aliases.length > 0) out += `Aliases:\n${[c.name, ...c.aliases].join(", ")}\n\n`;
  if (c.example) out += `Examples:\n${c.example.trimEnd()}\n\n`;
  if (c.subcommands && c.subcommands.length > 0) out += `${commandGroups(c, isRoot)}\n\n`;
  const options = flagsUsages(c.flags, width);
  if (options !== "") out += `Options:\n${options.trimEnd()}\n\n`;
  let useLine = [...names, ...(c.use ? [c.use] : [])].join(" ");
  if (!c.disableFlagsInUseLine && !useLine.includes("[flags]")) useLine += " [flags]";
  if (!useLine.includes("[options]")) useLine += " [options]";
  out += `Usage:\n  ${useLine}\n\n`;
  if (c.subcommands && c.subcommands.length > 0) {
    out += `Use "${names.join(" ")} <command> --help" for more information about a given command.\n`;
  }
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** Render the full help page for the command at the end of `path` (root first). */
export function renderHelp(path: CommandSpec[], options: HelpOptions = {}): string {
  const c = path[path.length - 1];
  const limit = wrapLimit(options.width ?? 0);
  const text = (c.long ?? c.short).trim() + usageString(path, limit);
  return limit > 0 ? wrapString(text, limit) : text;
}
