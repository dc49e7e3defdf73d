// `kubectl describe`: spec and help text (kubectl v1.32).
import {
  allNamespacesFlag,
  chunkSizeFlag,
  filenameFlags,
  selectorFlag,
  UNMODELLED_FILE_FLAGS,
} from "../common-flags.ts";
import { boolFlag } from "../flag-builders.ts";
import { needResources } from "../resource-args.ts";
import { examples, SUGGEST_API_RESOURCES } from "../text.ts";
import type { CommandSpec } from "../types.ts";

// The description holds a markdown code block, which kubectl's renderer indents by eight spaces
// and follows with a line of eight spaces.
const DESCRIBE_LONG = [
  "Show details of a specific resource or group of resources.",
  "",
  " Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:",
  "",
  "        $ kubectl describe TYPE NAME_PREFIX",
  "        ",
  " will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.",
  "",
  SUGGEST_API_RESOURCES,
].join("\n");

/** The `describe` command. */
export const describeCommand: CommandSpec = {
  name: "describe",
  use: "(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
  disableFlagsInUseLine: true,
  short: "Show details of a specific resource or group of resources",
  long: DESCRIBE_LONG,
  example: examples(`
# Describe a node
kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

# Describe a pod
kubectl describe pods/nginx

# Describe a pod identified by type and name in "pod.json"
kubectl describe -f pod.json

# Describe all pods
kubectl describe pods

# Describe pods by label name=myLabel
kubectl describe pods -l name=myLabel

# Describe all pods managed by the 'frontend' replication controller
# (rc-created pods get the name of the rc as a prefix in the pod name)
kubectl describe pods frontend`),
  flags: [
    allNamespacesFlag(),
    chunkSizeFlag(),
    ...filenameFlags("containing the resource to describe"),
    selectorFlag(),
    // v1.32 wording; later releases default to no events when several objects are described.
    boolFlag("show-events", true, "If true, display events related to the described object."),
  ],
  unsupported: UNMODELLED_FILE_FLAGS,
  argsCheck: needResources(`You must specify the type of resource to describe. ${SUGGEST_API_RESOURCES}\n`),
};
