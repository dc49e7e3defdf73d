// `kubectl logs` and `kubectl exec`: specs and help text (kubectl v1.32).
import { selectorFlag } from "../common-flags.ts";
import { boolFlag, durationFlag, intFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";

const LOGS_USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** The `logs` command. */
export const logsCommand: CommandSpec = {
  name: "logs",
  use: "[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]",
  disableFlagsInUseLine: true,
  short: "Print the logs for a container in a pod",
  long: "Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.",
  example: examples(`
# Return snapshot logs from pod nginx with only one container
kubectl logs nginx

# Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
kubectl logs nginx --prefix

# Return snapshot logs from pod nginx, limiting output to 500 bytes
kubectl logs nginx --limit-bytes=500

# Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
kubectl logs nginx --pod-running-timeout=20s

# Return snapshot logs from pod nginx with multi containers
kubectl logs nginx --all-containers=true

# Return snapshot logs from all pods in the deployment nginx
kubectl logs deployment/nginx --all-pods=true

# Return snapshot logs from all containers in pods defined by label app=nginx
kubectl logs -l app=nginx --all-containers=true

# Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
kubectl logs -l app=nginx --max-log-requests=10

# Return snapshot of previous terminated ruby container logs from pod web-1
kubectl logs -p -c ruby web-1

# Begin streaming the logs from pod nginx, continuing even if errors occur
kubectl logs nginx -f --ignore-errors=true

# Begin streaming the logs of the ruby container in pod web-1
kubectl logs -f -c ruby web-1

# Begin streaming the logs from all containers in pods defined by label app=nginx
kubectl logs -f -l app=nginx --all-containers=true

# Display only the most recent 20 lines of output in pod nginx
kubectl logs --tail=20 nginx

# Show all logs from pod nginx written in the last hour
kubectl logs --since=1h nginx

# Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true

# Show logs from a kubelet with an expired serving certificate
kubectl logs --insecure-skip-tls-verify-backend nginx

# Return snapshot logs from first container of a job named hello
kubectl logs job/hello

# Return snapshot logs from container nginx-1 of a deployment named nginx
kubectl logs deployment/nginx -c nginx-1`),
  flags: [
    boolFlag("all-containers", false, "Get all containers' logs in the pod(s)."),
    boolFlag("all-pods", false, "Get logs from all pod(s). Sets prefix to true."),
    stringFlag("container", "", "Print the logs of this container", { shorthand: "c" }),
    boolFlag("follow", false, "Specify if the logs should be streamed.", { shorthand: "f" }),
    boolFlag(
      "ignore-errors",
      false,
      "If watching / following pod logs, allow for any errors that occur to be non-fatal",
    ),
    boolFlag(
      "insecure-skip-tls-verify-backend",
      false,
      "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.",
    ),
    intFlag("limit-bytes", 0, "Maximum bytes of logs to return. Defaults to no limit.", {}, "int64"),
    intFlag(
      "max-log-requests",
      5,
      "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.",
    ),
    durationFlag(
      "pod-running-timeout",
      "20s",
      "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
    ),
    boolFlag("prefix", false, "Prefix each log line with the log source (pod name and container name)"),
    boolFlag(
      "previous",
      false,
      "If true, print the logs for the previous instance of the container in a pod if it exists.",
      { shorthand: "p" },
    ),
    selectorFlag(),
    durationFlag(
      "since",
      "0s",
      "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.",
    ),
    stringFlag(
      "since-time",
      "",
      "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.",
    ),
    intFlag(
      "tail",
      -1,
      "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.",
      {},
      "int64",
    ),
    boolFlag("timestamps", false, "Include timestamps on each line in the log output"),
  ],
  argsCheck: ({ args, flags }) => {
    if (args.length === 0 && flags.selector !== "") return null;
    if (args.length === 1 && flags.selector !== "")
      return { message: "only a selector (-l) or a POD name is allowed", usageHint: true };
    return args.length === 0 || args.length > 2 ? { message: LOGS_USAGE, usageHint: true } : null;
  },
};

/** The `exec` command; the command to run follows `--`. */
export const execCommand: CommandSpec = {
  name: "exec",
  use: "(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]",
  disableFlagsInUseLine: true,
  short: "Execute a command in a container",
  long: "Execute a command in a container.",
  example: examples(`
# Get output from running the 'date' command from pod mypod, using the first container by default
kubectl exec mypod -- date

# Get output from running the 'date' command in ruby-container from pod mypod
kubectl exec mypod -c ruby-container -- date

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
kubectl exec mypod -c ruby-container -i -t -- bash -il

# List contents of /usr from the first container of pod mypod and sort by modification time
# If the command you want to execute in the pod has any flags in common (e.g. -i),
# you must use two dashes (--) to separate your command's flags/arguments
# Also note, do not surround your command and its flags/arguments with quotes
# unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
kubectl exec mypod -i -t -- ls -t /usr

# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
kubectl exec deploy/mydeployment -- date

# Get output from running 'date' command from the first pod of the service myservice, using the first container by default
kubectl exec svc/myservice -- date`),
  // A TTY changes nothing visible here, so -t is accepted; -q and -f are not modelled.
  unsupported: ["filename", "quiet"],
  flags: [
    stringFlag(
      "container",
      "",
      "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
      { shorthand: "c" },
    ),
    // cmdutil.AddJsonFilenameFlag: kubectl prints the purpose alone as the usage.
    sliceFlag("filename", "to use to exec into the resource", { shorthand: "f" }),
    durationFlag(
      "pod-running-timeout",
      "1m0s",
      "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
    ),
    boolFlag("quiet", false, "Only print output from the remote session", { shorthand: "q" }),
    boolFlag("stdin", false, "Pass stdin to the container", { shorthand: "i" }),
    boolFlag("tty", false, "Stdin is a TTY", { shorthand: "t" }),
  ],
  argsCheck: ({ args, afterDash, argsLenAtDash, flags }) => {
    const files = (flags.filename as string[]).length > 0;
    if (args.length === 0 && !files) return { message: "pod, type/name or --filename must be specified" };
    const command = argsLenAtDash >= 0 ? afterDash : args.slice(1);
    return command.length === 0
      ? { message: "you must specify at least one command for the container" }
      : null;
  },
};
