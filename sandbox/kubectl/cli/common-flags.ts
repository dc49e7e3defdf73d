// Flag groups many kubectl commands share (cli-runtime PrintFlags, FilenameOptions, cmdutil helpers).
import { boolFlag, durationFlag, intFlag, sliceFlag, stringFlag } from "./flag-builders.ts";
import type { FlagSpec } from "./types.ts";

const TEMPLATE_URL = "[http://golang.org/pkg/text/template/#pkg-overview]";
const BASE_FORMATS =
  "json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file";

/** The -o/--output flag of cli-runtime's PrintFlags; `extra` lists more formats (get adds custom-columns, wide). */
export function outputFlag(extra = ""): FlagSpec {
  return stringFlag("output", "", `Output format. One of: (${BASE_FORMATS}${extra}).`, { shorthand: "o" });
}

/** Return the flags cli-runtime's PrintFlags adds: output, template, managed fields, missing keys. */
export function printFlags(): FlagSpec[] {
  return [
    boolFlag(
      "allow-missing-template-keys",
      true,
      "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
    ),
    outputFlag(),
    boolFlag(
      "show-managed-fields",
      false,
      "If true, keep the managedFields when printing objects in JSON or YAML format.",
    ),
    stringFlag(
      "template",
      "",
      `Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates ${TEMPLATE_URL}.`,
    ),
  ];
}

/** --cascade, as delete and apply (--prune) declare it. */
export function cascadeFlag(): FlagSpec {
  return stringFlag(
    "cascade",
    "background",
    'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    { noOptDefVal: "background" },
  );
}

/** Return the flags cli-runtime's DeleteFlags gives both delete and apply (--prune); only --wait's default differs. */
export function deletionFlags(wait: boolean): FlagSpec[] {
  return [
    boolFlag(
      "force",
      false,
      "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.",
    ),
    intFlag(
      "grace-period",
      -1,
      "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).",
    ),
    stringFlag(
      "kustomize",
      "",
      "Process a kustomization directory. This flag can't be used together with -f or -R.",
      { shorthand: "k" },
    ),
    durationFlag(
      "timeout",
      "0s",
      "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object",
    ),
    boolFlag(
      "wait",
      wait,
      "If true, wait for resources to be gone before returning. This waits for finalizers.",
    ),
  ];
}

/** Return cmdutil's --dry-run flag (a bare `--dry-run` means "unchanged"). */
export function dryRunFlag(): FlagSpec {
  return stringFlag(
    "dry-run",
    "none",
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    { noOptDefVal: "unchanged" },
  );
}

/** Return cmdutil's --validate flag (a bare `--validate` means "strict"). */
export function validateFlag(): FlagSpec {
  return stringFlag(
    "validate",
    "strict",
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    { noOptDefVal: "strict" },
  );
}

/** Return cmdutil's --field-manager flag with the command's default manager name. */
export function fieldManagerFlag(def: string): FlagSpec {
  return stringFlag("field-manager", def, "Name of the manager used to track field ownership.");
}

/** Return cmdutil's --save-config flag. */
export function saveConfigFlag(): FlagSpec {
  return boolFlag(
    "save-config",
    false,
    "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
  );
}

/** Return cmdutil's -f/-k/-R trio; `purpose` ends the -f description. */
export function filenameFlags(
  purpose: string,
  kustomize = "Process the kustomization directory.",
): FlagSpec[] {
  return [
    sliceFlag("filename", `Filename, directory, or URL to files ${purpose}`, { shorthand: "f" }),
    stringFlag("kustomize", "", `${kustomize} This flag can't be used together with -f or -R.`, {
      shorthand: "k",
    }),
    recursiveFlag(),
  ];
}

/** Return the -R/--recursive flag. */
export function recursiveFlag(): FlagSpec {
  return boolFlag(
    "recursive",
    false,
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
    { shorthand: "R" },
  );
}

/** Return cmdutil's -l/--selector flag (AddLabelSelectorFlagVar). */
export function selectorFlag(): FlagSpec {
  return stringFlag(
    "selector",
    "",
    "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    { shorthand: "l" },
  );
}

/** Return the --field-selector flag. */
export function fieldSelectorFlag(): FlagSpec {
  return stringFlag(
    "field-selector",
    "",
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  );
}

/** Return -A/--all-namespaces with kubectl's usual wording. */
export function allNamespacesFlag(): FlagSpec {
  return boolFlag(
    "all-namespaces",
    false,
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
    { shorthand: "A" },
  );
}

/** Return --show-labels as the human-readable printer adds it. */
export function showLabelsFlag(): FlagSpec {
  return boolFlag(
    "show-labels",
    false,
    "When printing, show all labels as the last column (default hide labels column)",
  );
}

/** Return cmdutil's --chunk-size flag (int64, default 500); v1.32 still calls it beta (dropped in v1.35). */
export function chunkSizeFlag(): FlagSpec {
  return intFlag(
    "chunk-size",
    500,
    "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.",
    {},
    "int64",
  );
}

/** PrintFlags the sandbox's printers do not model (go templates, managed fields); setting one is refused. */
export const UNMODELLED_PRINT_FLAGS = ["allow-missing-template-keys", "show-managed-fields", "template"];

/** -k and -R: the sandbox reads plain files and directories only. */
export const UNMODELLED_FILE_FLAGS = ["kustomize", "recursive"];
