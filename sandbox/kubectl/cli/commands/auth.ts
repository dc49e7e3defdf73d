// Specs for `kubectl auth` and `auth can-i` (kubectl v1.32 pkg/cmd/auth); reconcile and whoami are listed only.
import { boolFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

const canICommand: CommandSpec = {
  name: "can-i",
  use: "VERB [TYPE | TYPE/NAME | NONRESOURCEURL]",
  disableFlagsInUseLine: true,
  short: "Check whether an action is allowed",
  long: longDesc(
    "Check whether an action is allowed.",
    // LongDesc's markdown pass joins the source's separate lines into one paragraph.
    `VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.`,
  ),
  example: examples(`
# Check to see if I can create pods in any namespace
kubectl auth can-i create pods --all-namespaces

# Check to see if I can list deployments in my current namespace
kubectl auth can-i list deployments.apps

# Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"
# You must be allowed to use impersonation for the global option "--as"
kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod

# Check to see if I can do everything in my current namespace ("*" means all)
kubectl auth can-i '*' '*'

# Check to see if I can get the job named "bar" in namespace "foo"
kubectl auth can-i list jobs.batch/bar -n foo

# Check to see if I can read pod logs
kubectl auth can-i get pods --subresource=log

# Check to see if I can access the URL /logs/
kubectl auth can-i get /logs/

# Check to see if I can approve certificates.k8s.io
kubectl auth can-i approve certificates.k8s.io

# List all allowed actions in namespace "foo"
kubectl auth can-i --list --namespace=foo`),
  flags: [
    boolFlag("all-namespaces", false, "If true, check the specified action in all namespaces.", {
      shorthand: "A",
    }),
    boolFlag("list", false, "If true, prints all allowed actions."),
    boolFlag("no-headers", false, "If true, prints allowed actions without headers"),
    boolFlag("quiet", false, "If true, suppress output and just return the exit code.", { shorthand: "q" }),
    stringFlag("subresource", "", "SubResource such as pod/log or deployment/scale"),
  ],
};

/** The `auth` group. */
export const authCommand: CommandSpec = {
  name: "auth",
  use: "",
  short: "Inspect authorization",
  long: "Inspect authorization",
  bare: "help-stderr",
  flags: [],
  subcommands: [
    canICommand,
    {
      name: "reconcile",
      use: "-f FILENAME",
      disableFlagsInUseLine: true,
      short: "Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects",
      flags: [],
      notModelled: true,
    },
    {
      name: "whoami",
      use: "",
      disableFlagsInUseLine: true,
      short: "Experimental: Check self subject attributes",
      flags: [],
      notModelled: true,
    },
  ],
};
