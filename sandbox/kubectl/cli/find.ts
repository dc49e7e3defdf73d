// Locate the subcommand an argv names, following cobra's Find (stripFlags / argsMinusFirstX).
import { GLOBAL_FLAGS } from "./global-flags.ts";
import { findSubcommand } from "./spec.ts";
import type { CommandSpec, FlagSpec } from "./types.ts";

// During Find cobra knows the command's own and persistent flags, but not yet the -h/--help flag.
function takesValue(arg: string, flags: FlagSpec[]): boolean {
  if (arg.includes("=")) return false;
  if (arg.startsWith("--")) {
    const f = flags.find((x) => x.name === arg.slice(2));
    return !f || f.noOptDefVal === undefined;
  }
  if (arg.startsWith("-") && arg.length === 2) {
    const f = flags.find((x) => x.shorthand === arg[1]);
    return !f || f.noOptDefVal === undefined;
  }
  return false;
}

/** Return the non-flag words of argv before `--`, skipping values of flags that take one (cobra stripFlags). */
export function stripFlags(argv: string[], command: CommandSpec): string[] {
  const flags = [...command.flags, ...GLOBAL_FLAGS];
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === "--") break;
    if (takesValue(s, flags)) {
      // cobra stops when the flag is the last-but-one word: its value is never a command.
      if (argv.length - i - 1 <= 1) break;
      i++;
    } else if (s !== "" && !s.startsWith("-")) words.push(s);
  }
  return words;
}

function withoutFirst(argv: string[], word: string, command: CommandSpec): string[] {
  const flags = [...command.flags, ...GLOBAL_FLAGS];
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === "--") break;
    if (takesValue(s, flags)) i++;
    else if (!s.startsWith("-") && s === word) return [...argv.slice(0, i), ...argv.slice(i + 1)];
  }
  return argv;
}

/** Walk argv down the command tree; returns the command path (root first) and the argv left for it. */
export function findCommand(root: CommandSpec, argv: string[]): { path: CommandSpec[]; rest: string[] } {
  const path = [root];
  let rest = argv;
  for (;;) {
    const current = path[path.length - 1];
    const words = stripFlags(rest, current);
    const next = words.length > 0 ? findSubcommand(current, words[0]) : undefined;
    if (!next) return { path, rest };
    rest = withoutFirst(rest, words[0], current);
    path.push(next);
  }
}
