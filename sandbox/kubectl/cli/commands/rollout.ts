// `kubectl rollout` and its subcommands (partial help; kubectl v1.32 wording).
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, selectorFlag } from "../common-flags.ts";
import { boolFlag, durationFlag, intFlag } from "../flag-builders.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";
import { NO_RESOURCES_MESSAGE } from "./delete.ts";

const needResources: CommandSpec["argsCheck"] = ({ args, flags }) =>
  args.length === 0 && (flags.filename as string[]).length === 0 && flags.kustomize === ""
    ? { message: NO_RESOURCES_MESSAGE }
    : null;

function sub(name: string, short: string, use: string, flags: FlagSpec[]): CommandSpec {
  return { name, use, disableFlagsInUseLine: true, short, flags, argsCheck: needResources };
}

/** The `rollout` group; bare, it prints its help to stderr and exits 1. */
export const rolloutCommand: CommandSpec = {
  name: "rollout",
  use: "SUBCOMMAND",
  disableFlagsInUseLine: true,
  short: "Manage the rollout of a resource",
  bare: "help-stderr",
  flags: [],
  subcommands: [
    sub("history", "View rollout history", "(TYPE NAME | TYPE/NAME) [flags]", [
      ...printFlags(),
      ...filenameFlags("identifying the resource to get from a server."),
      intFlag("revision", 0, "See the details, including podTemplate of the revision specified", {}, "int64"),
      selectorFlag(),
    ]),
    sub("pause", "Mark the provided resource as paused", "RESOURCE", [
      ...printFlags(),
      fieldManagerFlag("kubectl-rollout"),
      ...filenameFlags("identifying the resource to get from a server."),
      selectorFlag(),
    ]),
    sub("restart", "Restart a resource", "RESOURCE", [
      ...printFlags(),
      fieldManagerFlag("kubectl-rollout"),
      ...filenameFlags("identifying the resource to get from a server."),
      selectorFlag(),
    ]),
    sub("resume", "Resume a paused resource", "RESOURCE", [
      ...printFlags(),
      fieldManagerFlag("kubectl-rollout"),
      ...filenameFlags("identifying the resource to get from a server."),
      selectorFlag(),
    ]),
    sub("status", "Show the status of the rollout", "(TYPE NAME | TYPE/NAME) [flags]", [
      ...filenameFlags("identifying the resource to get from a server."),
      intFlag(
        "revision",
        0,
        "Pin to a specific revision for showing its status. Defaults to 0 (last revision).",
        {},
        "int64",
      ),
      selectorFlag(),
      durationFlag(
        "timeout",
        "0s",
        "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
      ),
      boolFlag("watch", true, "Watch the status of the rollout until it's done.", { shorthand: "w" }),
    ]),
    sub("undo", "Undo a previous rollout", "(TYPE NAME | TYPE/NAME) [flags]", [
      ...printFlags(),
      dryRunFlag(),
      ...filenameFlags("identifying the resource to get from a server."),
      selectorFlag(),
      intFlag("to-revision", 0, "The revision to rollback to. Default to 0 (last revision).", {}, "int64"),
    ]),
  ],
};
