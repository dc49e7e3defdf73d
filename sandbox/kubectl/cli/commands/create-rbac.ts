// `kubectl create serviceaccount|role|clusterrole|rolebinding|clusterrolebinding` (kubectl v1.32).
import { arrayFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

/** The `create serviceaccount` generator (alias `sa`). */
export const createServiceAccountCommand: CommandSpec = {
  name: "serviceaccount",
  aliases: ["sa"],
  use: "NAME [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a service account with the specified name",
  long: "Create a service account with the specified name.",
  example: examples(`
# Create a new service account named my-service-account
kubectl create serviceaccount my-service-account`),
  flags: generatorFlags(),
  argsCheck: exactlyOneName,
};

const ruleFlags = (): FlagSpec[] => [
  sliceFlag("resource", "Resource that the rule applies to"),
  arrayFlag(
    "resource-name",
    "Resource in the white list that the rule applies to, repeat this flag for multiple items",
  ),
  sliceFlag("verb", "Verb that applies to the resources contained in the rule"),
];

/** The `create role` generator. */
export const createRoleCommand: CommandSpec = {
  name: "role",
  use: "NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a role with single rule",
  long: "Create a role with single rule.",
  example: examples(`
# Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods

# Create a role named "pod-reader" with ResourceName specified
kubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod

# Create a role named "foo" with API Group specified
kubectl create role foo --verb=get,list,watch --resource=rs.apps

# Create a role named "foo" with SubResource specified
kubectl create role foo --verb=get,list,watch --resource=pods,pods/status`),
  flags: [...generatorFlags(), ...ruleFlags()],
  argsCheck: exactlyOneName,
};

/** The `create clusterrole` generator. */
export const createClusterRoleCommand: CommandSpec = {
  name: "clusterrole",
  use: "NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a cluster role",
  long: "Create a cluster role.",
  example: examples(`
# Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods

# Create a cluster role named "pod-reader" with ResourceName specified
kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod

# Create a cluster role named "foo" with API Group specified
kubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps

# Create a cluster role named "foo" with SubResource specified
kubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status

# Create a cluster role name "foo" with NonResourceURL specified
kubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*

# Create a cluster role name "monitoring" with AggregationRule specified
kubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"`),
  flags: [
    ...generatorFlags(),
    stringFlag("aggregation-rule", "", "An aggregation label selector for combining ClusterRoles."),
    sliceFlag("non-resource-url", "A partial url that user should have access to."),
    ...ruleFlags(),
  ],
  unsupported: ["aggregation-rule"],
  argsCheck: exactlyOneName,
};

// The subject flags; a cluster role binding's help says "clusterrole" where a role binding's says "role".
const subjectFlags = (role: string): FlagSpec[] => [
  arrayFlag("group", `Groups to bind to the ${role}. The flag can be repeated to add multiple groups.`),
  arrayFlag(
    "serviceaccount",
    `Service accounts to bind to the ${role}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.`,
  ),
  arrayFlag("user", `Usernames to bind to the ${role}. The flag can be repeated to add multiple users.`),
];

/** The `create rolebinding` generator. */
export const createRoleBindingCommand: CommandSpec = {
  name: "rolebinding",
  use: "NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a role binding for a particular role or cluster role",
  long: "Create a role binding for a particular role or cluster role.",
  example: examples(`
# Create a role binding for user1, user2, and group1 using the admin cluster role
kubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1

# Create a role binding for service account monitoring:sa-dev using the admin role
kubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev`),
  flags: [
    ...generatorFlags(),
    stringFlag("clusterrole", "", "ClusterRole this RoleBinding should reference"),
    stringFlag("role", "", "Role this RoleBinding should reference"),
    ...subjectFlags("role"),
  ],
  argsCheck: exactlyOneName,
};

/** The `create clusterrolebinding` generator. */
export const createClusterRoleBindingCommand: CommandSpec = {
  name: "clusterrolebinding",
  use: "NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a cluster role binding for a particular cluster role",
  long: "Create a cluster role binding for a particular cluster role.",
  example: examples(`
# Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role
kubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1`),
  flags: [
    ...generatorFlags(),
    stringFlag("clusterrole", "", "ClusterRole this ClusterRoleBinding should reference"),
    ...subjectFlags("clusterrole"),
  ],
  argsCheck: exactlyOneName,
};
