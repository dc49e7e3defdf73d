// `kubectl cordon`, `uncordon`, `drain` and `taint` (cordon/uncordon help complete, drain/taint partial; kubectl v1.32 wording).
import { dryRunFlag, fieldManagerFlag, printFlags, selectorFlag, validateFlag } from "../common-flags.ts";
import { boolFlag, durationFlag, intFlag, stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";

function cordonLike(name: "cordon" | "uncordon", short: string, example: string): CommandSpec {
  return {
    name,
    use: "NODE",
    disableFlagsInUseLine: true,
    short,
    long: `${short}.`,
    example: examples(example),
    flags: [dryRunFlag(), selectorFlag()],
    argsCheck: ({ args, flags }) =>
      args.length === 0 && flags.selector === ""
        ? { message: `USAGE: ${name} NODE [flags]`, usageHint: true }
        : null,
  };
}

/** The `cordon` command. */
export const cordonCommand = cordonLike(
  "cordon",
  "Mark node as unschedulable",
  '# Mark node "foo" as unschedulable\nkubectl cordon foo',
);
/** The `uncordon` command. */
export const uncordonCommand = cordonLike(
  "uncordon",
  "Mark node as schedulable",
  '# Mark node "foo" as schedulable\nkubectl uncordon foo',
);

/** The `drain` command. */
export const drainCommand: CommandSpec = {
  name: "drain",
  use: "NODE",
  disableFlagsInUseLine: true,
  short: "Drain node in preparation for maintenance",
  // The long description (markdown with a link and an image) is not reproduced; help shows the short line.
  example: examples(`
# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
kubectl drain foo --force

# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
kubectl drain foo --grace-period=900`),
  flags: [
    intFlag(
      "chunk-size",
      500,
      "Return large lists in chunks rather than all at once. Pass 0 to disable.",
      {},
      "int64",
    ),
    boolFlag(
      "delete-emptydir-data",
      false,
      "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).",
    ),
    boolFlag(
      "disable-eviction",
      false,
      "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.",
    ),
    dryRunFlag(),
    boolFlag("force", false, "Continue even if there are pods that do not declare a controller."),
    intFlag(
      "grace-period",
      -1,
      "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.",
    ),
    boolFlag("ignore-daemonsets", false, "Ignore DaemonSet-managed pods."),
    stringFlag("pod-selector", "", "Label selector to filter pods on the node"),
    selectorFlag(),
    intFlag(
      "skip-wait-for-delete-timeout",
      0,
      "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.",
    ),
    durationFlag("timeout", "0s", "The length of time to wait before giving up, zero means infinite"),
  ],
  argsCheck: ({ args, flags }) =>
    args.length === 0 && flags.selector === ""
      ? { message: "USAGE: drain NODE [flags]", usageHint: true }
      : null,
};

/** The `taint` command. */
export const taintCommand: CommandSpec = {
  name: "taint",
  use: "NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N",
  disableFlagsInUseLine: true,
  short: "Update the taints on one or more nodes",
  flags: [
    ...printFlags(),
    boolFlag("all", false, "Select all nodes in the cluster"),
    dryRunFlag(),
    fieldManagerFlag("kubectl-taint"),
    boolFlag(
      "overwrite",
      false,
      "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.",
    ),
    selectorFlag(),
    validateFlag(),
  ],
};
