// `kubectl label` and `kubectl annotate`: specs and help text (kubectl v1.32).
import {
  dryRunFlag,
  fieldManagerFlag,
  fieldSelectorFlag,
  filenameFlags,
  printFlags,
  selectorFlag,
  UNMODELLED_FILE_FLAGS,
  UNMODELLED_PRINT_FLAGS,
} from "../common-flags.ts";
import { boolFlag, stringFlag } from "../flag-builders.ts";
import { needResources } from "../resource-args.ts";
import { examples, SUGGEST_API_RESOURCES } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";

const LABEL_LONG = [
  "Update the labels on a resource.",
  "",
  "  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.",
  "  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.",
  "  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.",
  "  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
].join("\n");

const ANNOTATE_LONG = [
  "Update the annotations on one or more resources.",
  "",
  " All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.",
  "",
  " Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.",
  "",
  SUGGEST_API_RESOURCES,
].join("\n");

// label and annotate register the same flags; only the nouns and the --all wording differ.
function metadataFlags(name: "label" | "annotate", noun: string, all: string): FlagSpec[] {
  const what = name === "label" ? "labels" : "annotation";
  return [
    ...printFlags(),
    boolFlag("all", false, all),
    boolFlag("all-namespaces", false, "If true, check the specified action in all namespaces.", {
      shorthand: "A",
    }),
    dryRunFlag(),
    fieldManagerFlag(`kubectl-${name}`),
    fieldSelectorFlag(),
    ...filenameFlags(`identifying the resource to update the ${what}`),
    boolFlag("list", false, `If true, display the ${noun} for a given resource.`),
    boolFlag(
      "local",
      false,
      `If true, ${name === "label" ? "label" : "annotation"} will NOT contact api-server but run locally.`,
    ),
    boolFlag(
      "overwrite",
      false,
      `If true, allow ${noun} to be overwritten, otherwise reject ${name === "label" ? "label" : "annotation"} updates that overwrite existing ${noun}.`,
    ),
    stringFlag(
      "resource-version",
      "",
      `If non-empty, the ${what} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    ),
    selectorFlag(),
  ];
}

const UNMODELLED = [
  ...UNMODELLED_PRINT_FLAGS,
  ...UNMODELLED_FILE_FLAGS,
  "dry-run",
  "field-selector",
  "filename",
  "list",
  "local",
  "resource-version",
];

/** The `label` command. */
export const labelCommand: CommandSpec = {
  name: "label",
  use: "[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  disableFlagsInUseLine: true,
  short: "Update the labels on a resource",
  long: LABEL_LONG,
  example: examples(`
# Update pod 'foo' with the label 'unhealthy' and the value 'true'
kubectl label pods foo unhealthy=true

# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
kubectl label --overwrite pods foo status=unhealthy

# Update all pods in the namespace
kubectl label pods --all status=unhealthy

# Update a pod identified by the type and name in "pod.json"
kubectl label -f pod.json status=unhealthy

# Update pod 'foo' only if the resource is unchanged from version 1
kubectl label pods foo status=unhealthy --resource-version=1

# Update pod 'foo' by removing a label named 'bar' if it exists
# Does not require the --overwrite flag
kubectl label pods foo bar-`),
  flags: metadataFlags(
    "label",
    "labels",
    "Select all resources, in the namespace of the specified resource types",
  ),
  unsupported: UNMODELLED,
  argsCheck: needResources(),
};

/** The `annotate` command. */
export const annotateCommand: CommandSpec = {
  name: "annotate",
  use: "[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  disableFlagsInUseLine: true,
  short: "Update the annotations on a resource",
  long: ANNOTATE_LONG,
  example: examples(`
# Update pod 'foo' with the annotation 'description' and the value 'my frontend'
# If the same annotation is set multiple times, only the last value will be applied
kubectl annotate pods foo description='my frontend'

# Update a pod identified by type and name in "pod.json"
kubectl annotate -f pod.json description='my frontend'

# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
kubectl annotate --overwrite pods foo description='my frontend running nginx'

# Update all pods in the namespace
kubectl annotate pods --all description='my frontend running nginx'

# Update pod 'foo' only if the resource is unchanged from version 1
kubectl annotate pods foo description='my frontend running nginx' --resource-version=1

# Update pod 'foo' by removing an annotation named 'description' if it exists
# Does not require the --overwrite flag
kubectl annotate pods foo description-`),
  flags: metadataFlags(
    "annotate",
    "annotations",
    "Select all resources, in the namespace of the specified resource types.",
  ),
  unsupported: UNMODELLED,
  argsCheck: needResources(),
};
