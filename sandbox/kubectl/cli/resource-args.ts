// The resource builder's "what to act on" checks: TYPE NAME arguments, or -f / -k files.
import type { ArgsCheck, FlagValue } from "./types.ts";

/** Return the resource builder's "no resources" error, shared by delete, expose, label and friends. */
export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Report whether -f or -k named something to read. */
export function filesGiven(flags: Record<string, FlagValue>): boolean {
  return (flags.filename as string[]).length > 0 || flags.kustomize !== "";
}

/** Build an args check that fails with `message` when neither arguments nor files name a resource. */
export function needResources(message = NO_RESOURCES_MESSAGE): ArgsCheck {
  return ({ args, flags }) => (args.length === 0 && !filesGiven(flags) ? { message } : null);
}

/**
 * Split arguments into resource words and the KEY=VALUE / KEY- changes after them, as cmdutil's
 * GetResourcesAndPairs does; `misplaced` is a resource word that came after a change.
 */
export function resourcesAndPairs(args: readonly string[]): {
  resources: string[];
  pairs: string[];
  misplaced?: string;
} {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes("=") && a[0] !== "=") || (a.endsWith("-") && a !== "-");
    if (isPair) pairs.push(a);
    else if (pairs.length > 0) return { resources, pairs, misplaced: a };
    else resources.push(a);
  }
  return { resources, pairs };
}
