// `kubectl diff`: spec and help text (kubectl v1.32).
import { fieldManagerFlag, filenameFlags, selectorFlag, UNMODELLED_FILE_FLAGS } from "../common-flags.ts";
import { arrayFlag, boolFlag, intFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

/** The `diff` command; its failures exit with 2, since 1 means "differences found". */
export const diffCommand: CommandSpec = {
  name: "diff",
  use: "-f FILENAME",
  disableFlagsInUseLine: true,
  short: "Diff the live version against a would-be applied version",
  long: longDesc(
    "Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.",
    "The output is always YAML.",
    'KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"',
    'By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.',
    "Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.",
    "Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.",
  ),
  example: examples(`
# Diff resources included in pod.json
kubectl diff -f pod.json

# Diff file read from stdin
cat service.yaml | kubectl diff -f -`),
  flags: [
    arrayFlag("prune-allowlist", "Overwrite the default allowlist with <group/version/kind> for --prune"),
    boolFlag(
      "prune",
      false,
      "Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned",
    ),
    boolFlag("show-managed-fields", false, "If true, include managed fields in the diff."),
    intFlag(
      "concurrency",
      1,
      "Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.",
    ),
    ...filenameFlags("contains the configuration to diff"),
    boolFlag("server-side", false, "If true, apply runs in the server instead of the client."),
    boolFlag(
      "force-conflicts",
      false,
      "If true, server-side apply will force the changes against conflicts.",
    ),
    fieldManagerFlag("kubectl-client-side-apply"),
    selectorFlag(),
  ],
  unsupported: [...UNMODELLED_FILE_FLAGS, "prune", "prune-allowlist", "selector", "server-side"],
  errorExitCode: 2,
};
