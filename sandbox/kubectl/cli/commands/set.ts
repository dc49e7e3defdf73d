// `kubectl set` and its subcommands (image and env are complete; the others are named for help only), kubectl v1.32 wording.
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, selectorFlag } from "../common-flags.ts";
import { arrayFlag, boolFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

function named(name: string, short: string): CommandSpec {
  return { name, use: "", short, flags: [] };
}

const RESOURCES_NOTE =
  "Possible resources include (case insensitive):\n\n  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)";

/** The `set image` command. */
export const setImageCommand: CommandSpec = {
  name: "image",
  use: "(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  disableFlagsInUseLine: true,
  short: "Update the image of a pod template",
  long: longDesc("Update existing container image(s) of resources.", RESOURCES_NOTE),
  example: examples(`
# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
kubectl set image deployments,rc nginx=nginx:1.9.1 --all

# Update image of all containers of daemonset abc to 'nginx:1.9.1'
kubectl set image daemonset abc *=nginx:1.9.1

# Print result (in yaml format) of updating nginx container image from local file, without hitting the server
kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`),
  flags: [
    ...printFlags(),
    boolFlag("all", false, "Select all resources, in the namespace of the specified resource types"),
    dryRunFlag(),
    fieldManagerFlag("kubectl-set"),
    ...filenameFlags("identifying the resource to get from a server."),
    boolFlag("local", false, "If true, set image will NOT contact api-server but run locally."),
    boolFlag(
      "record",
      false,
      "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.",
      { hidden: true, deprecated: "--record will be removed in the future" },
    ),
    selectorFlag(),
  ],
};

/** The `set env` command. */
export const setEnvCommand: CommandSpec = {
  name: "env",
  use: "RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N",
  disableFlagsInUseLine: true,
  short: "Update environment variables on a pod template",
  long: longDesc(
    "Update environment variables on a pod template.",
    "List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.",
    'If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.',
    RESOURCES_NOTE,
  ),
  example: examples(`
# Update deployment 'registry' with a new environment variable
kubectl set env deployment/registry STORAGE_DIR=/local

# List the environment variables defined on a deployments 'sample-build'
kubectl set env deployment/sample-build --list

# List the environment variables defined on all pods
kubectl set env pods --all --list

# Output modified deployment in YAML, and does not alter the object on the server
kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml

# Update all containers in all replication controllers in the project to have ENV=prod
kubectl set env rc --all ENV=prod

# Import environment from a secret
kubectl set env --from=secret/mysecret deployment/myapp

# Import environment from a config map with a prefix
kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp

# Import specific keys from a config map
kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp

# Remove the environment variable ENV from container 'c1' in all deployment configs
kubectl set env deployments --all --containers="c1" ENV-

# Remove the environment variable ENV from a deployment definition on disk and
# update the deployment config on the server
kubectl set env -f deploy.json ENV-

# Set some of the local shell environment into a deployment config on the server
env | grep RAILS_ | kubectl set env -e - deployment/registry`),
  flags: [
    ...printFlags(),
    boolFlag("all", false, "If true, select all resources in the namespace of the specified resource types"),
    stringFlag(
      "containers",
      "*",
      "The names of containers in the selected pod templates to change - may use wildcards",
      { shorthand: "c" },
    ),
    dryRunFlag(),
    arrayFlag("env", "Specify a key-value pair for an environment variable to set into each container.", {
      shorthand: "e",
    }),
    fieldManagerFlag("kubectl-set"),
    ...filenameFlags("the resource to update the env"),
    stringFlag("from", "", "The name of a resource from which to inject environment variables"),
    sliceFlag("keys", "Comma-separated list of keys to import from specified resource"),
    boolFlag(
      "list",
      false,
      "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.",
    ),
    boolFlag("local", false, "If true, set env will NOT contact api-server but run locally."),
    boolFlag(
      "overwrite",
      true,
      "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.",
    ),
    stringFlag("prefix", "", "Prefix to append to variable names"),
    boolFlag("resolve", false, "If true, show secret or configmap references when listing variables"),
    selectorFlag(),
  ],
};

/** The `set` group; bare, it prints its help to stderr and exits 1. */
export const setCommand: CommandSpec = {
  name: "set",
  use: "SUBCOMMAND",
  disableFlagsInUseLine: true,
  short: "Set specific features on objects",
  long: longDesc(
    "Configure application resources.",
    "These commands help you make changes to existing application resources.",
  ),
  bare: "help-stderr",
  flags: [],
  subcommands: [
    setEnvCommand,
    setImageCommand,
    named("resources", "Update resource requests/limits on objects with pod templates"),
    named("selector", "Set the selector on a resource"),
    named("serviceaccount", "Update the service account of a resource"),
    named("subject", "Update the user, group, or service account in a role binding or cluster role binding"),
  ],
};
