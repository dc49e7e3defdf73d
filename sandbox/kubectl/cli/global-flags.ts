// kubectl's persistent flags (genericclioptions.ConfigFlags, klog, profiling), accepted by every command.
import { arrayFlag, boolFlag, durationFlag, intFlag, stringFlag } from "./flag-builders.ts";
import type { FlagSpec } from "./types.ts";

/** The flags `kubectl options` lists, in kubectl v1.32. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  stringFlag(
    "as",
    "",
    "Username to impersonate for the operation. User could be a regular user or a service account in a namespace.",
  ),
  arrayFlag(
    "as-group",
    "Group to impersonate for the operation, this flag can be repeated to specify multiple groups.",
  ),
  stringFlag("as-uid", "", "UID to impersonate for the operation."),
  // Real kubectl prints the user's expanded $HOME here; the sandbox's user is root.
  stringFlag("cache-dir", "/root/.kube/cache", "Default cache directory"),
  stringFlag("certificate-authority", "", "Path to a cert file for the certificate authority"),
  stringFlag("client-certificate", "", "Path to a client certificate file for TLS"),
  stringFlag("client-key", "", "Path to a client key file for TLS"),
  stringFlag("cluster", "", "The name of the kubeconfig cluster to use"),
  stringFlag("context", "", "The name of the kubeconfig context to use"),
  boolFlag(
    "disable-compression",
    false,
    "If true, opt-out of response compression for all requests to the server",
  ),
  boolFlag(
    "insecure-skip-tls-verify",
    false,
    "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  ),
  stringFlag("kubeconfig", "", "Path to the kubeconfig file to use for CLI requests."),
  durationFlag("log-flush-frequency", "5s", "Maximum number of seconds between log flushes"),
  boolFlag("match-server-version", false, "Require server version to match client version"),
  stringFlag("namespace", "", "If present, the namespace scope for this CLI request", { shorthand: "n" }),
  stringFlag("password", "", "Password for basic authentication to the API server"),
  stringFlag(
    "profile",
    "none",
    "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)",
  ),
  stringFlag("profile-output", "profile.pprof", "Name of the file to write the profile to"),
  stringFlag(
    "request-timeout",
    "0",
    "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  ),
  stringFlag("server", "", "The address and port of the Kubernetes API server", { shorthand: "s" }),
  stringFlag(
    "tls-server-name",
    "",
    "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used",
  ),
  stringFlag("token", "", "Bearer token for authentication to the API server"),
  stringFlag("user", "", "The name of the kubeconfig user to use"),
  stringFlag("username", "", "Username for basic authentication to the API server"),
  intFlag("v", 0, "number for the log level verbosity", { shorthand: "v" }, "int32"),
  stringFlag(
    "vmodule",
    "",
    "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)",
    { unquoted: true },
  ),
  boolFlag(
    "warnings-as-errors",
    false,
    "Treat warnings received from the server as errors and exit with a non-zero exit code",
  ),
];
