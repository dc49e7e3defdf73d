// `kubectl create namespace` (kubectl v1.32).
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

/** The `create namespace` generator (alias `ns`). */
export const createNamespaceCommand: CommandSpec = {
  name: "namespace",
  aliases: ["ns"],
  use: "NAME [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a namespace with the specified name",
  long: "Create a namespace with the specified name.",
  example: examples(`
# Create a new namespace named my-namespace
kubectl create namespace my-namespace`),
  flags: generatorFlags(),
  argsCheck: exactlyOneName,
};
