// `kubectl patch`: spec and help text (kubectl v1.32).
import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  printFlags,
  UNMODELLED_FILE_FLAGS,
  UNMODELLED_PRINT_FLAGS,
} from "../common-flags.ts";
import { boolFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

/** The `patch` command. */
export const patchCommand: CommandSpec = {
  name: "patch",
  use: "(-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]",
  disableFlagsInUseLine: true,
  short: "Update fields of a resource",
  long: longDesc(
    "Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.",
    "JSON and YAML formats are accepted.",
    "Note: Strategic merge patch is not supported for custom resources.",
  ),
  example: examples(`
# Partially update a node using a strategic merge patch, specifying the patch as JSON
kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

# Partially update a node using a strategic merge patch, specifying the patch as YAML
kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'

# Update a container's image; spec.containers[*].name is required because it's a merge key
kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

# Update a container's image using a JSON patch with positional arrays
kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

# Update a deployment's replicas through the 'scale' subresource using a merge patch
kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`),
  flags: [
    boolFlag(
      "record",
      false,
      "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.",
      { hidden: true, deprecated: "--record will be removed in the future" },
    ),
    ...printFlags(),
    stringFlag("patch", "", "The patch to be applied to the resource JSON file.", { shorthand: "p" }),
    stringFlag("patch-file", "", "A file containing a patch to be applied to the resource."),
    stringFlag("type", "strategic", "The type of patch being provided; one of [json merge strategic]"),
    dryRunFlag(),
    ...filenameFlags("identifying the resource to update"),
    boolFlag(
      "local",
      false,
      "If true, patch will operate on the content of the file, not the server-side resource.",
    ),
    fieldManagerFlag("kubectl-patch"),
    stringFlag(
      "subresource",
      "",
      "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.",
    ),
  ],
  unsupported: [...UNMODELLED_PRINT_FLAGS, ...UNMODELLED_FILE_FLAGS],
};
