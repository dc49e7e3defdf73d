// Render the command lists of a help page: kubectl's groups at the root, "Available Commands:" elsewhere.
import { COMMAND_GROUPS, OTHER_COMMANDS } from "../spec.ts";
import type { CommandSpec } from "../types.ts";

// cobra pads command names to the longest sibling name, and to at least 11 columns.
function padding(parent: CommandSpec): number {
  return Math.max(11, ...(parent.subcommands ?? []).map((c) => c.name.length));
}

function group(title: string, commands: CommandSpec[], pad: number): string {
  return [title, ...commands.map((c) => `  ${c.name.padEnd(pad)}   ${c.short}`)].join("\n");
}

/** Render the subcommand listing of `command` (cmdGroupsString); `isRoot` selects kubectl's groups. */
export function commandGroups(command: CommandSpec, isRoot: boolean): string {
  const pad = padding(command);
  if (isRoot) {
    const groups = COMMAND_GROUPS.map((g) => group(g.title, g.commands, pad));
    groups.push(group("Other Commands:", OTHER_COMMANDS, pad));
    return groups.join("\n\n");
  }
  const sorted = [...(command.subcommands ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
  return group("Available Commands:", sorted, pad);
}
