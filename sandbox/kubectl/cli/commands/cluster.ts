// Specs for version, cluster-info, api-resources and wait (full help), and explain and edit (short help only).
import {
  allNamespacesFlag,
  fieldManagerFlag,
  fieldSelectorFlag,
  filenameFlags,
  printFlags,
  validateFlag,
} from "../common-flags.ts";
import { boolFlag, durationFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

/** The `version` command. */
export const versionCommand: CommandSpec = {
  name: "version",
  use: "",
  short: "Print the client and server version information",
  long: "Print the client and server version information for the current context.",
  example: examples(`
# Print the client and server versions for the current context
kubectl version`),
  flags: [
    boolFlag("client", false, "If true, shows client version only (no server required)."),
    stringFlag("output", "", "One of 'yaml' or 'json'.", { shorthand: "o" }),
  ],
};

/** The `cluster-info` command; its `dump` subcommand is listed but not modelled. */
export const clusterInfoCommand: CommandSpec = {
  name: "cluster-info",
  use: "",
  short: "Display cluster information",
  long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  example: examples(`
# Print the address of the control plane and cluster services
kubectl cluster-info`),
  flags: [],
  subcommands: [
    {
      name: "dump",
      use: "",
      short: "Dump relevant information for debugging and diagnosis",
      flags: [],
      notModelled: true,
    },
  ],
};

/** The `api-resources` command. */
export const apiResourcesCommand: CommandSpec = {
  name: "api-resources",
  use: "",
  short: "Print the supported API resources on the server",
  long: "Print the supported API resources on the server.",
  example: examples(`
# Print the supported API resources
kubectl api-resources

# Print the supported API resources with more information
kubectl api-resources -o wide

# Print the supported API resources sorted by a column
kubectl api-resources --sort-by=name

# Print the supported namespaced resources
kubectl api-resources --namespaced=true

# Print the supported non-namespaced resources
kubectl api-resources --namespaced=false

# Print the supported API resources with a specific APIGroup
kubectl api-resources --api-group=rbac.authorization.k8s.io`),
  flags: [
    stringFlag("api-group", "", "Limit to resources in the specified API group."),
    sliceFlag("categories", "Limit to resources that belong to the specified categories."),
    boolFlag("cached", false, "Use the cached list of resources if available."),
    boolFlag(
      "namespaced",
      true,
      "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.",
    ),
    boolFlag(
      "no-headers",
      false,
      "When using the default or custom-column output format, don't print headers (default print headers).",
    ),
    // -o json|yaml arrived in v1.34.
    stringFlag("output", "", "Output format. One of: (wide, name).", { shorthand: "o" }),
    stringFlag(
      "sort-by",
      "",
      "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    ),
    sliceFlag("verbs", "Limit to resources that support the specified verbs."),
  ],
  unsupported: ["categories", "sort-by"],
};

/** The `explain` command. */
export const explainCommand: CommandSpec = {
  name: "explain",
  use: "TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]",
  disableFlagsInUseLine: true,
  short: "Get documentation for a resource",
  flags: [
    stringFlag("api-version", "", "Use given api-version (group/version) of the resource."),
    stringFlag(
      "output",
      "plaintext",
      "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).",
      { shorthand: "o" },
    ),
    boolFlag(
      "recursive",
      false,
      "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.",
    ),
  ],
  argsCheck: ({ args }) =>
    args.length === 0
      ? {
          preamble:
            'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
          message: "Required resource not specified.",
          usageHint: true,
        }
      : null,
};

/** The `edit` command. */
export const editCommand: CommandSpec = {
  name: "edit",
  use: "(RESOURCE/NAME | -f FILENAME)",
  disableFlagsInUseLine: true,
  short: "Edit a resource on the server",
  flags: [
    ...printFlags(),
    fieldManagerFlag("kubectl-edit"),
    ...filenameFlags("to use to edit the resource"),
    validateFlag(),
  ],
};

/** The `wait` command. */
export const waitCommand: CommandSpec = {
  name: "wait",
  use: "([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  disableFlagsInUseLine: true,
  short: "Experimental: Wait for a specific condition on one or many resources",
  long: longDesc(
    "Experimental: Wait for a specific condition on one or many resources.",
    "The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.",
    'Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.',
    "A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.",
  ),
  example: examples(`
# Wait for the pod "busybox1" to contain the status condition of type "Ready"
kubectl wait --for=condition=Ready pod/busybox1

# The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
kubectl wait --for=condition=Ready=false pod/busybox1

# Wait for the pod "busybox1" to contain the status phase to be "Running"
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

# Wait for pod "busybox1" to be Ready
kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1

# Wait for the service "loadbalancer" to have ingress
kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

# Wait for the secret "busybox1" to be created, with a timeout of 30s
kubectl create secret generic busybox1
kubectl wait --for=create secret/busybox1 --timeout=30s

# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
kubectl delete pod/busybox1
kubectl wait --for=delete pod/busybox1 --timeout=60s`),
  flags: [
    ...printFlags(),
    boolFlag("all", false, "Select all resources in the namespace of the specified resource types"),
    allNamespacesFlag(),
    fieldSelectorFlag(),
    sliceFlag("filename", "identifying the resource.", { shorthand: "f" }),
    stringFlag(
      "for",
      "",
      "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    ),
    boolFlag("local", false, "If true, annotation will NOT contact api-server but run locally."),
    boolFlag(
      "recursive",
      true,
      "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
      { shorthand: "R" },
    ),
    // ResourceBuilderFlags words -l differently from cmdutil's selector flag.
    stringFlag(
      "selector",
      "",
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
      { shorthand: "l" },
    ),
    durationFlag(
      "timeout",
      "30s",
      "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.",
    ),
  ],
};
