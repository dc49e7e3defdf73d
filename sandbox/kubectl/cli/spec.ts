// The kubectl command tree: the root command, its help groups, and lookups over it.

import { applyCommand } from "./commands/apply.ts";
import { authCommand } from "./commands/auth.ts";
import {
  apiResourcesCommand,
  clusterInfoCommand,
  editCommand,
  explainCommand,
  versionCommand,
  waitCommand,
} from "./commands/cluster.ts";
import { configCommand } from "./commands/config.ts";
import { createCommand } from "./commands/create.ts";
import { deleteCommand } from "./commands/delete.ts";
import { describeCommand } from "./commands/describe.ts";
import { diffCommand } from "./commands/diff.ts";
import { exposeCommand } from "./commands/expose.ts";
import { getCommand } from "./commands/get.ts";
import { annotateCommand, labelCommand } from "./commands/metadata.ts";
import { cordonCommand, drainCommand, taintCommand, uncordonCommand } from "./commands/nodes.ts";
import { OPTIONS_COMMAND } from "./commands/options.ts";
import { OTHER_COMMANDS as O } from "./commands/others.ts";
import { patchCommand } from "./commands/patch.ts";
import { execCommand, logsCommand } from "./commands/pods.ts";
import { replaceCommand } from "./commands/replace.ts";
import { rolloutCommand } from "./commands/rollout.ts";
import { runCommand } from "./commands/run.ts";
import { scaleCommand } from "./commands/scale.ts";
import { setCommand } from "./commands/set.ts";
import { apiVersionsCommand, topCommand } from "./commands/top.ts";
import { GLOBAL_FLAGS } from "./global-flags.ts";
import { longDesc } from "./text.ts";
import type { CommandSpec, FlagSpec } from "./types.ts";

/** A titled group of commands in `kubectl --help`. */
export interface CommandGroup {
  title: string;
  commands: CommandSpec[];
}

/** The groups of `kubectl --help`, in kubectl's order (templates.CommandGroups). */
export const COMMAND_GROUPS: CommandGroup[] = [
  { title: "Basic Commands (Beginner):", commands: [createCommand, exposeCommand, runCommand, setCommand] },
  {
    title: "Basic Commands (Intermediate):",
    commands: [explainCommand, getCommand, editCommand, deleteCommand],
  },
  { title: "Deploy Commands:", commands: [rolloutCommand, scaleCommand, O.autoscale] },
  {
    title: "Cluster Management Commands:",
    commands: [
      O.certificate,
      clusterInfoCommand,
      topCommand,
      cordonCommand,
      uncordonCommand,
      drainCommand,
      taintCommand,
    ],
  },
  {
    title: "Troubleshooting and Debugging Commands:",
    commands: [
      describeCommand,
      logsCommand,
      O.attach,
      execCommand,
      O["port-forward"],
      O.proxy,
      O.cp,
      authCommand,
      O.debug,
      O.events,
    ],
  },
  {
    title: "Advanced Commands:",
    commands: [diffCommand, applyCommand, patchCommand, replaceCommand, waitCommand, O.kustomize],
  },
  { title: "Settings Commands:", commands: [labelCommand, annotateCommand, O.completion] },
  // kubectl 1.31+ prints this heading even when no plugin is installed.
  { title: "Subcommands provided by plugins:", commands: [] },
];

/** Commands outside the groups, listed under "Other Commands:" (sorted by cobra). */
export const OTHER_COMMANDS: CommandSpec[] = [
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  O.plugin,
  versionCommand,
];

/** The root `kubectl` command. */
export const ROOT_COMMAND: CommandSpec = {
  name: "kubectl",
  use: "",
  short: "kubectl controls the Kubernetes cluster manager",
  long: longDesc(
    "kubectl controls the Kubernetes cluster manager.",
    "Find more information at: https://kubernetes.io/docs/reference/kubectl/",
  ),
  flags: [],
  // `options` is a real subcommand that kubectl's templater leaves out of the listing.
  subcommands: [...COMMAND_GROUPS.flatMap((g) => g.commands), ...OTHER_COMMANDS, OPTIONS_COMMAND],
};

/** The `-h/--help` flag cobra adds to every command; its usage names the command. */
export function helpFlag(command: CommandSpec): FlagSpec {
  return {
    name: "help",
    shorthand: "h",
    type: "bool",
    defValue: "false",
    usage: `help for ${command.name}`,
    noOptDefVal: "true",
    hidden: true,
  };
}

/** Return every flag a command accepts: its own, cobra's help flag, then kubectl's global flags. */
export function allFlags(command: CommandSpec): FlagSpec[] {
  // A local flag hides the global flag of the same name, shorthand included (cobra skips it when merging).
  const own = new Set(command.flags.map((f) => f.name));
  return [...command.flags, helpFlag(command), ...GLOBAL_FLAGS.filter((f) => !own.has(f.name))];
}

/** Find a direct subcommand by name or alias. */
export function findSubcommand(parent: CommandSpec, word: string): CommandSpec | undefined {
  return parent.subcommands?.find((c) => c.name === word || (c.aliases ?? []).includes(word));
}
