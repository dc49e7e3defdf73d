// Partial specs for describe, apply, expose, scale, label and annotate: the most-used flags, kubectl v1.32 wording.
import {
  allNamespacesFlag,
  dryRunFlag,
  fieldManagerFlag,
  fieldSelectorFlag,
  filenameFlags,
  printFlags,
  selectorFlag,
  validateFlag,
} from "../common-flags.ts";
import { boolFlag, intFlag, stringFlag } from "../flag-builders.ts";
import { SUGGEST_API_RESOURCES } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { NO_RESOURCES_MESSAGE } from "./delete.ts";

const needResources: CommandSpec["argsCheck"] = ({ args, flags }) =>
  args.length === 0 && (flags.filename as string[]).length === 0 && flags.kustomize === ""
    ? { message: NO_RESOURCES_MESSAGE }
    : null;

/** The `describe` command (partial help). */
export const describeCommand: CommandSpec = {
  name: "describe",
  use: "(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
  disableFlagsInUseLine: true,
  short: "Show details of a specific resource or group of resources",
  flags: [
    allNamespacesFlag(),
    ...filenameFlags("containing the resource to describe"),
    selectorFlag(),
    boolFlag("show-events", true, "If true, display events related to the described object."),
    intFlag(
      "chunk-size",
      500,
      "Return large lists in chunks rather than all at once. Pass 0 to disable.",
      {},
      "int64",
    ),
  ],
  argsCheck: ({ args, flags }) =>
    args.length === 0 && (flags.filename as string[]).length === 0 && flags.kustomize === ""
      ? { message: `You must specify the type of resource to describe. ${SUGGEST_API_RESOURCES}\n` }
      : null,
};

/** The `apply` command (partial help; the edit-last-applied/set-last-applied/view-last-applied subcommands are omitted). */
export const applyCommand: CommandSpec = {
  name: "apply",
  use: "(-f FILENAME | -k DIRECTORY)",
  disableFlagsInUseLine: true,
  short: "Apply a configuration to a resource by file name or stdin",
  flags: [
    ...printFlags(),
    boolFlag("all", false, "Select all resources in the namespace of the specified resource types."),
    dryRunFlag(),
    fieldManagerFlag("kubectl-client-side-apply"),
    ...filenameFlags("that contains the configuration to apply"),
    boolFlag(
      "force",
      false,
      "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.",
    ),
    boolFlag(
      "force-conflicts",
      false,
      "If true, server-side apply will force the changes against conflicts.",
    ),
    boolFlag(
      "prune",
      false,
      "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.",
    ),
    selectorFlag(),
    boolFlag("server-side", false, "If true, apply runs in the server instead of the client."),
    validateFlag(),
    boolFlag(
      "wait",
      false,
      "If true, wait for resources to be gone before returning. This waits for finalizers.",
    ),
  ],
  argsCheck: ({ flags }) =>
    (flags.filename as string[]).length === 0 && flags.kustomize === ""
      ? { message: "must specify one of -f and -k" }
      : null,
};

/** The `expose` command (partial help). */
export const exposeCommand: CommandSpec = {
  name: "expose",
  use: "(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]",
  disableFlagsInUseLine: true,
  short:
    "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  flags: [
    ...printFlags(),
    stringFlag(
      "cluster-ip",
      "",
      "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
    ),
    dryRunFlag(),
    stringFlag(
      "external-ip",
      "",
      "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.",
    ),
    fieldManagerFlag("kubectl-expose"),
    ...filenameFlags("identifying the resource to expose a service"),
    stringFlag("labels", "", "Labels to apply to the service created by this call.", { shorthand: "l" }),
    stringFlag("name", "", "The name for the newly created object."),
    stringFlag(
      "port",
      "",
      "The port that the service should serve on. Copied from the resource being exposed, if unspecified",
    ),
    stringFlag("protocol", "", "The network protocol for the service to be created. Default is 'TCP'."),
    stringFlag(
      "selector",
      "",
      "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)",
    ),
    stringFlag(
      "target-port",
      "",
      "Name or number for the port on the container that the service should direct traffic to. Optional.",
    ),
    stringFlag(
      "type",
      "",
      "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    ),
  ],
  argsCheck: needResources,
};

/** The `scale` command (partial help). */
export const scaleCommand: CommandSpec = {
  name: "scale",
  use: "[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
  disableFlagsInUseLine: true,
  short: "Set a new size for a deployment, replica set, or replication controller",
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
  ],
  argsCheck: needResources,
};

function metadataCommand(name: "label" | "annotate", noun: string): CommandSpec {
  return {
    name,
    use: `[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]`,
    disableFlagsInUseLine: true,
    short: `Update the ${noun} on a resource`,
    flags: [
      ...printFlags(),
      boolFlag("all", false, "Select all resources, in the namespace of the specified resource types"),
      allNamespacesFlag(),
      dryRunFlag(),
      fieldManagerFlag(`kubectl-${name}`),
      fieldSelectorFlag(),
      ...filenameFlags(
        `identifying the resource to update the ${name === "label" ? "labels" : "annotation"}`,
      ),
      boolFlag("list", false, `If true, display the ${noun} for a given resource.`),
      boolFlag("local", false, `If true, ${name} will NOT contact api-server but run locally.`),
      boolFlag(
        "overwrite",
        false,
        `If true, allow ${noun} to be overwritten, otherwise reject ${name} updates that overwrite existing ${noun}.`,
      ),
      stringFlag(
        "resource-version",
        "",
        `If non-empty, the ${name} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
      ),
      selectorFlag(),
    ],
    argsCheck: needResources,
  };
}

/** The `label` command (partial help). */
export const labelCommand = metadataCommand("label", "labels");
/** The `annotate` command (partial help). */
export const annotateCommand = metadataCommand("annotate", "annotations");
