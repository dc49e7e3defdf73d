// `kubectl scale`: spec and help text (kubectl v1.32).
import {
  dryRunFlag,
  filenameFlags,
  printFlags,
  selectorFlag,
  UNMODELLED_FILE_FLAGS,
  UNMODELLED_PRINT_FLAGS,
} from "../common-flags.ts";
import { boolFlag, durationFlag, intFlag, stringFlag } from "../flag-builders.ts";
import { needResources } from "../resource-args.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

/** The `scale` command. */
export const scaleCommand: CommandSpec = {
  name: "scale",
  use: "[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
  disableFlagsInUseLine: true,
  short: "Set a new size for a deployment, replica set, or replication controller",
  long: longDesc(
    "Set a new size for a deployment, replica set, replication controller, or stateful set.",
    "Scale also allows users to specify one or more preconditions for the scale action.",
    "If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.",
  ),
  example: examples(`
# Scale a replica set named 'foo' to 3
kubectl scale --replicas=3 rs/foo

# Scale a resource identified by type and name specified in "foo.yaml" to 3
kubectl scale --replicas=3 -f foo.yaml

# If the deployment named mysql's current size is 2, scale mysql to 3
kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

# Scale multiple replication controllers
kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

# Scale stateful set named 'web' to 3
kubectl scale --replicas=3 statefulset/web`),
  flags: [
    ...printFlags(),
    boolFlag("all", false, "Select all resources in the namespace of the specified resource types"),
    intFlag(
      "current-replicas",
      -1,
      "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.",
    ),
    dryRunFlag(),
    ...filenameFlags("identifying the resource to set a new size"),
    intFlag("replicas", 0, "The new desired number of replicas. Required.", { required: true }),
    stringFlag(
      "resource-version",
      "",
      "Precondition for resource version. Requires that the current resource version match this value in order to scale.",
    ),
    selectorFlag(),
    durationFlag(
      "timeout",
      "0s",
      "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    ),
  ],
  unsupported: [
    ...UNMODELLED_PRINT_FLAGS,
    ...UNMODELLED_FILE_FLAGS,
    "dry-run",
    "filename",
    "resource-version",
    "timeout",
  ],
  argsCheck: needResources(),
};
