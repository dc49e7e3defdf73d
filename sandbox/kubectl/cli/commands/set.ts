// `kubectl set` and its subcommands (image is complete; the others are named for help only), kubectl v1.32 wording.
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, selectorFlag } from "../common-flags.ts";
import { boolFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

function named(name: string, short: string): CommandSpec {
  return { name, use: "", short, flags: [] };
}

/** The `set image` command. */
export const setImageCommand: CommandSpec = {
  name: "image",
  use: "(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  disableFlagsInUseLine: true,
  short: "Update the image of a pod template",
  long: longDesc(
    "Update existing container image(s) of resources.",
    "Possible resources include (case insensitive):\n\n  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)",
  ),
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
    named("env", "Update environment variables on a pod template"),
    setImageCommand,
    named("resources", "Update resource requests/limits on objects with pod templates"),
    named("selector", "Set the selector on a resource"),
    named("serviceaccount", "Update the service account of a resource"),
    named("subject", "Update the user, group, or service account in a role binding or cluster role binding"),
  ],
};
