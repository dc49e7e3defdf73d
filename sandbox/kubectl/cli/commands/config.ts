// Specs for `kubectl config` and its subcommands (kubectl v1.32 pkg/cmd/config).
import { printFlags } from "../common-flags.ts";
import { boolFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";

function stub(name: string, use: string, short: string): CommandSpec {
  return { name, use, disableFlagsInUseLine: true, short, flags: [], notModelled: true };
}

// `config view` prints yaml unless told otherwise.
const viewPrintFlags: FlagSpec[] = printFlags().map((f) =>
  f.name === "output" ? { ...f, defValue: "yaml" } : f,
);

const viewCommand: CommandSpec = {
  name: "view",
  use: "",
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  long: longDesc(
    "Display merged kubeconfig settings or a specified kubeconfig file.",
    "You can use --output jsonpath={...} to extract specific values using a jsonpath expression.",
  ),
  example: examples(`
# Show merged kubeconfig settings
kubectl config view

# Show merged kubeconfig settings, raw certificate data, and exposed secrets
kubectl config view --raw

# Get the password for the e2e user
kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`),
  flags: [
    ...viewPrintFlags,
    boolFlag(
      "flatten",
      false,
      "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)",
    ),
    // A cliflag.Tristate; it reads like a bool flag in help and on the command line.
    boolFlag("merge", true, "Merge the full hierarchy of kubeconfig files"),
    boolFlag("minify", false, "Remove all information not used by current-context from the output"),
    boolFlag("raw", false, "Display raw byte data and sensitive data"),
  ],
  unsupported: ["allow-missing-template-keys", "show-managed-fields", "template"],
};

const currentContextCommand: CommandSpec = {
  name: "current-context",
  use: "",
  short: "Display the current-context",
  long: "Display the current-context.",
  example: examples(`
# Display the current-context
kubectl config current-context`),
  flags: [],
};

const getContextsCommand: CommandSpec = {
  name: "get-contexts",
  use: "[(-o|--output=)name)]",
  disableFlagsInUseLine: true,
  short: "Describe one or many contexts",
  long: "Display one or many contexts from the kubeconfig file.",
  example: examples(`
# List all the contexts in your kubeconfig file
kubectl config get-contexts

# Describe one context in your kubeconfig file
kubectl config get-contexts my-context`),
  flags: [
    boolFlag(
      "no-headers",
      false,
      "When using the default or custom-column output format, don't print headers (default print headers).",
    ),
    stringFlag("output", "", "Output format. One of: (name).", { shorthand: "o" }),
  ],
};

const getClustersCommand: CommandSpec = {
  name: "get-clusters",
  use: "",
  short: "Display clusters defined in the kubeconfig",
  long: "Display clusters defined in the kubeconfig.",
  example: examples(`
# List the clusters that kubectl knows about
kubectl config get-clusters`),
  flags: [],
};

const getUsersCommand: CommandSpec = {
  name: "get-users",
  use: "",
  short: "Display users defined in the kubeconfig",
  long: "Display users defined in the kubeconfig.",
  example: examples(`
# List the users that kubectl knows about
kubectl config get-users`),
  flags: [],
};

const useContextCommand: CommandSpec = {
  name: "use-context",
  aliases: ["use"],
  use: "CONTEXT_NAME",
  disableFlagsInUseLine: true,
  short: "Set the current-context in a kubeconfig file",
  long: "Set the current-context in a kubeconfig file.",
  example: examples(`
# Use the context for the minikube cluster
kubectl config use-context minikube`),
  flags: [],
};

const setContextCommand: CommandSpec = {
  name: "set-context",
  use: "[NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]",
  disableFlagsInUseLine: true,
  short: "Set a context entry in kubeconfig",
  long: longDesc(
    "Set a context entry in kubeconfig.",
    "Specifying a name that already exists will merge new fields on top of existing values for those fields.",
  ),
  example: examples(`
# Set the user field on the gce context entry without touching other values
kubectl config set-context gce --user=cluster-admin`),
  // These shadow the global --cluster, --user and --namespace (so -n is unknown here, as in kubectl).
  flags: [
    stringFlag("cluster", "", "cluster for the context entry in kubeconfig"),
    boolFlag("current", false, "Modify the current context"),
    stringFlag("namespace", "", "namespace for the context entry in kubeconfig"),
    stringFlag("user", "", "user for the context entry in kubeconfig"),
  ],
};

const deleteContextCommand: CommandSpec = {
  name: "delete-context",
  use: "NAME",
  disableFlagsInUseLine: true,
  short: "Delete the specified context from the kubeconfig",
  long: "Delete the specified context from the kubeconfig.",
  example: examples(`
# Delete the context for the minikube cluster
kubectl config delete-context minikube`),
  flags: [],
};

const renameContextCommand: CommandSpec = {
  name: "rename-context",
  use: "CONTEXT_NAME NEW_NAME",
  disableFlagsInUseLine: true,
  short: "Rename a context from the kubeconfig file",
  long: longDesc(
    "Renames a context from the kubeconfig file.",
    "CONTEXT_NAME is the context name that you want to change.",
    "NEW_NAME is the new name you want to set.",
    "Note: If the context being renamed is the 'current-context', this field will also be updated.",
  ),
  example: examples(`
# Rename the context 'old-name' to 'new-name' in your kubeconfig file
kubectl config rename-context old-name new-name`),
  flags: [],
};

// LongDesc renders the numbered list as blackfriday list items ("  1.  ...").
const CONFIG_LONG = `${longDesc(
  'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".',
  "The loading order follows these rules:",
)}\n\n${[
  "If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.",
  "If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: kubectl prints ${HOME} literally.
  "Otherwise, ${HOME}/.kube/config is used and no merging takes place.",
]
  .map((item, i) => `  ${i + 1}.  ${item}`)
  .join("\n")}`;

/** The `config` group; set, unset, set-cluster, set-credentials, delete-cluster and delete-user are not modelled. */
export const configCommand: CommandSpec = {
  name: "config",
  use: "SUBCOMMAND",
  disableFlagsInUseLine: true,
  short: "Modify kubeconfig files",
  long: CONFIG_LONG,
  bare: "help-stderr",
  flags: [],
  subcommands: [
    viewCommand,
    stub(
      "set-cluster",
      "NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]",
      "Set a cluster entry in kubeconfig",
    ),
    stub(
      "set-credentials",
      "NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]",
      "Set a user entry in kubeconfig",
    ),
    setContextCommand,
    stub("set", "PROPERTY_NAME PROPERTY_VALUE", "Set an individual value in a kubeconfig file"),
    stub("unset", "PROPERTY_NAME", "Unset an individual value in a kubeconfig file"),
    currentContextCommand,
    useContextCommand,
    getContextsCommand,
    getClustersCommand,
    getUsersCommand,
    stub("delete-cluster", "NAME", "Delete the specified cluster from the kubeconfig"),
    deleteContextCommand,
    stub("delete-user", "NAME", "Delete the specified user from the kubeconfig"),
    renameContextCommand,
  ],
};
