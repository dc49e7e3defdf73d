// `kubectl run`: spec and help text (kubectl v1.32).
import { dryRunFlag, fieldManagerFlag, printFlags, saveConfigFlag } from "../common-flags.ts";
import { arrayFlag, boolFlag, durationFlag, intFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";

const UNUSED = "because it is not used by this command. It will be removed in version 1.29.";

// DeleteFlags that run inherits but ignores: they parse, print a deprecation warning, and stay out of help.
const deprecatedDeleteFlags: FlagSpec[] = [
  stringFlag("cascade", "background", "", {
    noOptDefVal: "background",
    hidden: true,
    deprecated: "because it is not relevant for this command. It will be removed in version 1.29.",
  }),
  sliceFlag("filename", "to use to replace the resource.", {
    shorthand: "f",
    hidden: true,
    deprecated: UNUSED,
  }),
  boolFlag("force", false, "", { hidden: true, deprecated: UNUSED }),
  intFlag("grace-period", -1, "", { hidden: true, deprecated: UNUSED }),
  stringFlag("kustomize", "", "", { shorthand: "k", hidden: true, deprecated: UNUSED }),
  boolFlag("recursive", false, "", { shorthand: "R", hidden: true, deprecated: UNUSED }),
  durationFlag("timeout", "0s", "", { hidden: true, deprecated: UNUSED }),
  boolFlag("wait", false, "", { hidden: true, deprecated: UNUSED }),
];

/** The `run` command. */
export const runCommand: CommandSpec = {
  name: "run",
  use: 'NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  disableFlagsInUseLine: true,
  short: "Run a particular image on the cluster",
  long: "Create and run a particular image in a pod.",
  example: examples(`
# Start a nginx pod
kubectl run nginx --image=nginx

# Start a hazelcast pod and let the container expose port 5701
kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

# Dry run; print the corresponding API objects without creating them
kubectl run nginx --image=nginx --dry-run=client

# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

# Start a busybox pod and keep it in the foreground, don't restart it if it exits
kubectl run -i -t busybox --image=busybox --restart=Never

# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

# Start the nginx pod using a different command and custom arguments
kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`),
  flags: [
    ...deprecatedDeleteFlags,
    ...printFlags(),
    arrayFlag("annotations", "Annotations to apply to the pod."),
    stringFlag("image", "", "The image for the container to run.", { required: true }),
    stringFlag(
      "image-pull-policy",
      "",
      "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.",
    ),
    boolFlag(
      "rm",
      false,
      "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
    ),
    arrayFlag("env", "Environment variables to set in the container."),
    stringFlag("port", "", "The port that this container exposes."),
    dryRunFlag(),
    stringFlag("labels", "", "Comma separated labels to apply to the pod. Will override previous values.", {
      shorthand: "l",
    }),
    boolFlag("stdin", false, "Keep stdin open on the container in the pod, even if nothing is attached.", {
      shorthand: "i",
    }),
    boolFlag("tty", false, "Allocate a TTY for the container in the pod.", { shorthand: "t" }),
    boolFlag(
      "attach",
      false,
      "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
    ),
    boolFlag(
      "leave-stdin-open",
      false,
      "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.",
    ),
    stringFlag(
      "restart",
      "Always",
      "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].",
    ),
    boolFlag(
      "command",
      false,
      "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    ),
    boolFlag(
      "expose",
      false,
      "If true, create a ClusterIP service associated with the pod.  Requires `--port`.",
    ),
    boolFlag("quiet", false, "If true, suppress prompt messages.", { shorthand: "q" }),
    boolFlag("privileged", false, "If true, run the container in privileged mode."),
    saveConfigFlag(),
    fieldManagerFlag("kubectl-run"),
    stringFlag(
      "overrides",
      "",
      "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.",
    ),
    stringFlag(
      "override-type",
      "merge",
      "The method used to override the generated object: json, merge, or strategic.",
    ),
    durationFlag(
      "pod-running-timeout",
      "1m0s",
      "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
    ),
  ],
  argsCheck: ({ args, argsLenAtDash }) =>
    args.length === 0 || argsLenAtDash === 0
      ? { message: "NAME is required for run", usageHint: true }
      : null,
};
