// `kubectl rollout` and its subcommands: specs and help text (kubectl v1.32).
import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  printFlags,
  selectorFlag,
  UNMODELLED_FILE_FLAGS,
  UNMODELLED_PRINT_FLAGS,
} from "../common-flags.ts";
import { boolFlag, durationFlag, intFlag } from "../flag-builders.ts";
import { needResources } from "../resource-args.ts";
import { examples } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";

const GET_FROM_SERVER = "identifying the resource to get from a server.";
// The sandbox finds rollout targets by TYPE NAME only.
const UNMODELLED = [...UNMODELLED_PRINT_FLAGS, ...UNMODELLED_FILE_FLAGS, "filename", "selector"];

interface SubText {
  short: string;
  long: string;
  example: string;
  use: string;
}

function sub(name: string, text: SubText, flags: FlagSpec[], unsupported: string[]): CommandSpec {
  return {
    name,
    use: text.use,
    disableFlagsInUseLine: true,
    short: text.short,
    long: text.long,
    example: examples(text.example),
    flags,
    unsupported,
    argsCheck: needResources(),
  };
}

// pause, restart and resume share their flags.
function patchFlags(): FlagSpec[] {
  return [
    ...printFlags(),
    fieldManagerFlag("kubectl-rollout"),
    ...filenameFlags(GET_FROM_SERVER),
    selectorFlag(),
  ];
}

const history = sub(
  "history",
  {
    use: "(TYPE NAME | TYPE/NAME) [flags]",
    short: "View rollout history",
    long: "View previous rollout revisions and configurations.",
    example: `
# View the rollout history of a deployment
kubectl rollout history deployment/abc

# View the details of daemonset revision 3
kubectl rollout history daemonset/abc --revision=3`,
  },
  [
    ...printFlags(),
    ...filenameFlags(GET_FROM_SERVER),
    intFlag("revision", 0, "See the details, including podTemplate of the revision specified", {}, "int64"),
    selectorFlag(),
  ],
  [...UNMODELLED, "output"],
);

const pause = sub(
  "pause",
  {
    use: "RESOURCE",
    short: "Mark the provided resource as paused",
    long: 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
    example: `
# Mark the nginx deployment as paused
# Any current state of the deployment will continue its function; new updates
# to the deployment will not have an effect as long as the deployment is paused
kubectl rollout pause deployment/nginx`,
  },
  patchFlags(),
  [...UNMODELLED, "output"],
);

const restart = sub(
  "restart",
  {
    use: "RESOURCE",
    short: "Restart a resource",
    long: "Restart a resource.\n\n        Resource rollout will be restarted.",
    example: `
# Restart all deployments in the test-namespace namespace
kubectl rollout restart deployment -n test-namespace

# Restart a deployment
kubectl rollout restart deployment/nginx

# Restart a daemon set
kubectl rollout restart daemonset/abc

# Restart deployments with the app=nginx label
kubectl rollout restart deployment --selector=app=nginx`,
  },
  patchFlags(),
  [...UNMODELLED, "output"],
);

const resume = sub(
  "resume",
  {
    use: "RESOURCE",
    short: "Resume a paused resource",
    long: "Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.",
    example: `
# Resume an already paused deployment
kubectl rollout resume deployment/nginx`,
  },
  patchFlags(),
  [...UNMODELLED, "output"],
);

const status = sub(
  "status",
  {
    use: "(TYPE NAME | TYPE/NAME) [flags]",
    short: "Show the status of the rollout",
    long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
    example: `
# Watch the rollout status of a deployment
kubectl rollout status deployment/nginx`,
  },
  [
    ...filenameFlags(GET_FROM_SERVER),
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
  ],
  [...UNMODELLED_FILE_FLAGS, "filename", "selector", "revision", "watch"],
);

const undo = sub(
  "undo",
  {
    use: "(TYPE NAME | TYPE/NAME) [flags]",
    short: "Undo a previous rollout",
    long: "Roll back to a previous rollout.",
    example: `
# Roll back to the previous deployment
kubectl rollout undo deployment/abc

# Roll back to daemonset revision 3
kubectl rollout undo daemonset/abc --to-revision=3

# Roll back to the previous deployment with dry-run
kubectl rollout undo --dry-run=server deployment/abc`,
  },
  [
    ...printFlags(),
    dryRunFlag(),
    ...filenameFlags(GET_FROM_SERVER),
    selectorFlag(),
    intFlag("to-revision", 0, "The revision to rollback to. Default to 0 (last revision).", {}, "int64"),
  ],
  [...UNMODELLED, "dry-run", "output"],
);

/** The `rollout` group; bare, it prints its help to stderr and exits 1. */
export const rolloutCommand: CommandSpec = {
  name: "rollout",
  use: "SUBCOMMAND",
  disableFlagsInUseLine: true,
  short: "Manage the rollout of a resource",
  // The source's line break after the first sentence reaches the page as a line of eight spaces.
  long: [
    "Manage the rollout of one or many resources.",
    "        ",
    " Valid resource types include:",
    "",
    "  *  deployments",
    "  *  daemonsets",
    "  *  statefulsets",
  ].join("\n"),
  example: examples(`
# Rollback to the previous deployment
kubectl rollout undo deployment/abc

# Check the rollout status of a daemonset
kubectl rollout status daemonset/foo

# Restart a deployment
kubectl rollout restart deployment/abc

# Restart deployments with the 'app=nginx' label
kubectl rollout restart deployment --selector=app=nginx`),
  bare: "help-stderr",
  flags: [],
  subcommands: [history, pause, restart, resume, status, undo],
};
