// Pieces shared by the `kubectl create <resource>` generators.
import { dryRunFlag, fieldManagerFlag, printFlags, saveConfigFlag, validateFlag } from "../common-flags.ts";
import type { ArgsCheck, FlagSpec } from "../types.ts";

/** Return the flags every create generator adds: print flags, dry-run, field manager, save-config, validate. */
export function generatorFlags(): FlagSpec[] {
  return [
    ...printFlags(),
    dryRunFlag(),
    fieldManagerFlag("kubectl-create"),
    saveConfigFlag(),
    validateFlag(),
  ];
}

/** Require exactly one NAME before `--` (cmdutil NameFromCommandArgs). */
export const exactlyOneName: ArgsCheck = ({ args }) =>
  args.length === 1 ? null : { message: `exactly one NAME is required, got ${args.length}`, usageHint: true };
