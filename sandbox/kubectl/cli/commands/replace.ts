// `kubectl replace`: spec and help text (kubectl v1.32).
import {
  cascadeFlag,
  deletionFlags,
  dryRunFlag,
  fieldManagerFlag,
  printFlags,
  recursiveFlag,
  saveConfigFlag,
  UNMODELLED_PRINT_FLAGS,
  validateFlag,
} from "../common-flags.ts";
import { boolFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { filesGiven } from "../resource-args.ts";
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";

// The description ends in a markdown code block, which kubectl's renderer indents by eight spaces.
const REPLACE_LONG = [
  "Replace a resource by file name or stdin.",
  "",
  " JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by",
  "",
  "        $ kubectl get TYPE NAME -o yaml",
].join("\n");

/** The `replace` command. */
export const replaceCommand: CommandSpec = {
  name: "replace",
  use: "-f FILENAME",
  disableFlagsInUseLine: true,
  short: "Replace a resource by file name or stdin",
  long: REPLACE_LONG,
  example: examples(`
# Replace a pod using the data in pod.json
kubectl replace -f ./pod.json

# Replace a pod based on the JSON passed into stdin
cat pod.json | kubectl replace -f -

# Update a single-container pod's image version (tag) to v4
kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -

# Force replace, delete and then re-create the resource
kubectl replace --force -f ./pod.json`),
  flags: [
    ...printFlags(),
    sliceFlag("filename", "The files that contain the configurations to replace.", { shorthand: "f" }),
    cascadeFlag(),
    ...deletionFlags(false),
    recursiveFlag(),
    boolFlag(
      "record",
      false,
      "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.",
      { hidden: true, deprecated: "--record will be removed in the future" },
    ),
    validateFlag(),
    saveConfigFlag(),
    dryRunFlag(),
    stringFlag(
      "raw",
      "",
      "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.",
    ),
    fieldManagerFlag("kubectl-replace"),
    stringFlag(
      "subresource",
      "",
      "If specified, replace will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.",
    ),
  ],
  unsupported: [...UNMODELLED_PRINT_FLAGS, "kustomize", "raw", "recursive", "subresource"],
  argsCheck: ({ flags }) => (filesGiven(flags) ? null : { message: "must specify one of -f and -k" }),
};
