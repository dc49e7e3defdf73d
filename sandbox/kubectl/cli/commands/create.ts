// `kubectl create` and the list of its generator subcommands (kubectl v1.32).

import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  printFlags,
  saveConfigFlag,
  selectorFlag,
  validateFlag,
} from "../common-flags.ts";
import { boolFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";
import { createConfigMapCommand } from "./create-configmap.ts";
import { createDeploymentCommand } from "./create-deployment.ts";
import { createCronJobCommand, createJobCommand } from "./create-job.ts";
import { createNamespaceCommand } from "./create-namespace.ts";
import {
  createClusterRoleBindingCommand,
  createClusterRoleCommand,
  createRoleBindingCommand,
  createRoleCommand,
  createServiceAccountCommand,
} from "./create-rbac.ts";
import { createSecretCommand } from "./create-secret.ts";
import { createServiceCommand } from "./create-service.ts";
import { createTokenCommand } from "./create-token.ts";

// Generators the sandbox does not model in detail: listed in help, flags partial.
function stub(name: string, short: string, aliases?: string[]): CommandSpec {
  return {
    name,
    aliases,
    use: "NAME",
    disableFlagsInUseLine: true,
    short,
    flags: generatorFlags(),
    argsCheck: exactlyOneName,
    // Their own flags (--image, --schedule, ...) are not modelled: stop before parsing them.
    notModelled: true,
  };
}

/** The `create` command with its generators. */
export const createCommand: CommandSpec = {
  name: "create",
  use: "-f FILENAME",
  disableFlagsInUseLine: true,
  short: "Create a resource from a file or from stdin",
  long: longDesc("Create a resource from a file or from stdin.", "JSON and YAML formats are accepted."),
  example: examples(`
# Create a pod using the data in pod.json
kubectl create -f ./pod.json

# Create a pod based on the JSON passed into stdin
cat pod.json | kubectl create -f -

# Edit the data in registry.yaml in JSON then create the resource using the edited data
kubectl create -f registry.yaml --edit -o json`),
  bare: "run",
  flags: [
    ...printFlags(),
    dryRunFlag(),
    boolFlag("edit", false, "Edit the API resource before creating"),
    fieldManagerFlag("kubectl-create"),
    ...filenameFlags("to use to create the resource"),
    stringFlag(
      "raw",
      "",
      "Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.",
    ),
    saveConfigFlag(),
    selectorFlag(),
    validateFlag(),
    boolFlag(
      "windows-line-endings",
      false,
      "Only relevant if --edit=true. Defaults to the line ending native to your platform.",
    ),
  ],
  subcommands: [
    createClusterRoleCommand,
    createClusterRoleBindingCommand,
    createConfigMapCommand,
    createCronJobCommand,
    createDeploymentCommand,
    stub("ingress", "Create an ingress with the specified name", ["ing"]),
    createJobCommand,
    createNamespaceCommand,
    stub("poddisruptionbudget", "Create a pod disruption budget with the specified name", ["pdb"]),
    stub("priorityclass", "Create a priority class with the specified name", ["pc"]),
    stub("quota", "Create a quota with the specified name", ["resourcequota"]),
    createRoleCommand,
    createRoleBindingCommand,
    createSecretCommand,
    createServiceCommand,
    createServiceAccountCommand,
    createTokenCommand,
  ],
};
