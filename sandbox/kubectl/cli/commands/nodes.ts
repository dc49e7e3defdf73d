// `kubectl cordon`, `uncordon`, `drain` and `taint`: specs and help text (kubectl v1.32).
import {
  chunkSizeFlag,
  dryRunFlag,
  fieldManagerFlag,
  printFlags,
  selectorFlag,
  UNMODELLED_PRINT_FLAGS,
  validateFlag,
} from "../common-flags.ts";
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

// kubectl's markdown renderer prints a link as " URL text URL" and an image as "URL textURL".
const DRAIN_LINK = "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/";
const DRAIN_IMAGE = "https://kubernetes.io/images/docs/kubectl_drain.svg";
const DRAIN_LONG = [
  "Drain node in preparation for maintenance.",
  "",
  ` The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports ${DRAIN_LINK} eviction ${DRAIN_LINK} . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.`,
  "",
  " 'drain' waits for graceful termination. You should not operate on the machine until the command completes.",
  "",
  " When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.",
  "",
  `${DRAIN_IMAGE} Workflow${DRAIN_IMAGE}`,
].join("\n");

/** The `drain` command. */
export const drainCommand: CommandSpec = {
  name: "drain",
  use: "NODE",
  disableFlagsInUseLine: true,
  short: "Drain node in preparation for maintenance",
  long: DRAIN_LONG,
  example: examples(`
# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
kubectl drain foo --force

# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
kubectl drain foo --grace-period=900`),
  flags: [
    chunkSizeFlag(),
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
  unsupported: ["disable-eviction", "dry-run", "pod-selector", "skip-wait-for-delete-timeout"],
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
  long: [
    "Update the taints on one or more nodes.",
    "",
    "  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.",
    "  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.",
    "  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.",
    "  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.",
    "  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.",
    "  *  Currently taint can only apply to node.",
  ].join("\n"),
  // Example wording taken from a later release; not confirmed against the v1.32 tag.
  example: examples(`
# Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
# If a taint with that key and effect already exists, its value is replaced as specified
kubectl taint nodes foo dedicated=special-user:NoSchedule

# Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
kubectl taint nodes foo dedicated:NoSchedule-

# Remove from node 'foo' all the taints with key 'dedicated'
kubectl taint nodes foo dedicated-

# Add a taint with key 'dedicated' on nodes having label myLabel=X
kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

# Add to node 'foo' a taint with key 'bar' and no value
kubectl taint nodes foo bar:NoSchedule`),
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
  unsupported: [...UNMODELLED_PRINT_FLAGS, "all", "dry-run", "output"],
};
