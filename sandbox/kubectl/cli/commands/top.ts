// Specs for `top node|pod` and `api-versions` (kubectl v1.32 pkg/cmd/top, pkg/cmd/apiresources).
import { allNamespacesFlag, fieldSelectorFlag, selectorFlag } from "../common-flags.ts";
import { boolFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";

const TOP_LONG = longDesc(
  "Display Resource (CPU/Memory) usage.",
  "The top command allows you to see the resource consumption for nodes or pods.",
  "This command requires Metrics Server to be correctly configured and working on the server.",
);

function sortByFlag(what: string): FlagSpec {
  return stringFlag(
    "sort-by",
    "",
    `If non-empty, sort ${what} list using specified field. The field can be either 'cpu' or 'memory'.`,
  );
}

const protocolBuffersFlag = boolFlag(
  "use-protocol-buffers",
  true,
  "Enables using protocol-buffers to access Metrics API.",
);

const topNodeCommand: CommandSpec = {
  name: "node",
  aliases: ["nodes", "no"],
  use: "[NAME | -l label]",
  disableFlagsInUseLine: true,
  short: "Display resource (CPU/memory) usage of nodes",
  long: longDesc(
    "Display resource (CPU/memory) usage of nodes.",
    "The top-node command allows you to see the resource consumption of nodes.",
  ),
  example: examples(`
# Show metrics for all nodes
kubectl top node

# Show metrics for a given node
kubectl top node NODE_NAME`),
  flags: [
    boolFlag("no-headers", false, "If present, print output without headers"),
    selectorFlag(),
    boolFlag(
      "show-capacity",
      false,
      "Print node resources based on Capacity instead of Allocatable(default) of the nodes.",
    ),
    sortByFlag("nodes"),
    protocolBuffersFlag,
  ],
};

const topPodCommand: CommandSpec = {
  name: "pod",
  aliases: ["pods", "po"],
  use: "[NAME | -l label]",
  disableFlagsInUseLine: true,
  short: "Display resource (CPU/memory) usage of pods",
  long: longDesc(
    "Display resource (CPU/memory) usage of pods.",
    "The 'top pod' command allows you to see the resource consumption of pods.",
    "Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
  ),
  example: examples(`
# Show metrics for all pods in the default namespace
kubectl top pod

# Show metrics for all pods in the given namespace
kubectl top pod --namespace=NAMESPACE

# Show metrics for a given pod and its containers
kubectl top pod POD_NAME --containers

# Show metrics for the pods defined by label name=myLabel
kubectl top pod -l name=myLabel`),
  flags: [
    allNamespacesFlag(),
    boolFlag("containers", false, "If present, print usage of containers within a pod."),
    fieldSelectorFlag(),
    boolFlag("no-headers", false, "If present, print output without headers."),
    selectorFlag(),
    sortByFlag("pods"),
    boolFlag("sum", false, "Print the sum of the resource usage"),
    protocolBuffersFlag,
  ],
};

/** The `top` group: a fresh kubeadm cluster has no metrics-server, so both subcommands report that. */
export const topCommand: CommandSpec = {
  name: "top",
  use: "",
  short: "Display resource (CPU/memory) usage",
  long: TOP_LONG,
  bare: "help-stderr",
  flags: [],
  subcommands: [topNodeCommand, topPodCommand],
};

/** The `api-versions` command. */
export const apiVersionsCommand: CommandSpec = {
  name: "api-versions",
  use: "",
  disableFlagsInUseLine: true,
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  example: examples(`
# Print the supported API versions
kubectl api-versions`),
  flags: [],
};
