// `kubectl apply` and its last-applied subcommands: spec and help text (kubectl v1.32).
import {
  cascadeFlag,
  deletionFlags,
  dryRunFlag,
  fieldManagerFlag,
  printFlags,
  recursiveFlag,
  selectorFlag,
  UNMODELLED_PRINT_FLAGS,
  validateFlag,
} from "../common-flags.ts";
import { arrayFlag, boolFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { filesGiven } from "../resource-args.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

// The sandbox applies files only; these subcommands are listed for help and refused when run.
function lastApplied(name: string, short: string): CommandSpec {
  return { name, use: "", short, flags: [], notModelled: true };
}

/** The `apply` command. */
export const applyCommand: CommandSpec = {
  name: "apply",
  use: "(-f FILENAME | -k DIRECTORY)",
  disableFlagsInUseLine: true,
  short: "Apply a configuration to a resource by file name or stdin",
  long: longDesc(
    "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.",
    "JSON and YAML formats are accepted.",
    "Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
  ),
  example: examples(`
# Apply the configuration in pod.json to a pod
kubectl apply -f ./pod.json

# Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
kubectl apply -k dir/

# Apply the JSON passed into stdin to a pod
cat pod.json | kubectl apply -f -

# Apply the configuration from all files that end with '.json'
kubectl apply -f '*.json'

# Note: --prune is still in Alpha
# Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
kubectl apply --prune -f manifest.yaml -l app=nginx

# Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`),
  flags: [
    ...printFlags(),
    boolFlag("all", false, "Select all resources in the namespace of the specified resource types."),
    cascadeFlag(),
    dryRunFlag(),
    fieldManagerFlag("kubectl-client-side-apply"),
    sliceFlag("filename", "The files that contain the configurations to apply.", { shorthand: "f" }),
    ...deletionFlags(false),
    boolFlag(
      "force-conflicts",
      false,
      "If true, server-side apply will force the changes against conflicts.",
    ),
    boolFlag(
      "openapi-patch",
      true,
      "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.",
    ),
    boolFlag(
      "overwrite",
      true,
      "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration",
    ),
    boolFlag(
      "prune",
      false,
      "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.",
    ),
    arrayFlag("prune-allowlist", "Overwrite the default allowlist with <group/version/kind> for --prune"),
    recursiveFlag(),
    selectorFlag(),
    boolFlag("server-side", false, "If true, apply runs in the server instead of the client."),
    // Added in v1.32 (#127634); the "beta" sentence went away when --subresource went GA in v1.33.
    stringFlag(
      "subresource",
      "",
      "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.",
    ),
    validateFlag(),
  ],
  subcommands: [
    lastApplied(
      "edit-last-applied",
      "Edit latest last-applied-configuration annotations of a resource/object",
    ),
    lastApplied(
      "set-last-applied",
      "Set the last-applied-configuration annotation on a live object to match the contents of a file",
    ),
    lastApplied(
      "view-last-applied",
      "View the latest last-applied-configuration annotations of a resource/object",
    ),
  ],
  unsupported: [
    ...UNMODELLED_PRINT_FLAGS,
    "all",
    "cascade",
    "force",
    "force-conflicts",
    "grace-period",
    "kustomize",
    "openapi-patch",
    "overwrite",
    "prune",
    "prune-allowlist",
    "recursive",
    "selector",
    "subresource",
    "timeout",
    "wait",
  ],
  argsCheck: ({ flags }) => (filesGiven(flags) ? null : { message: "must specify one of -f and -k" }),
};
