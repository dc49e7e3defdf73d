// --cascade, read as cli-runtime's DeleteFlags read it for delete, replace --force and apply --prune.
import { fail, type Run } from "./common.ts";

/** The deletion propagation policy a --cascade value names. */
export type CascadePolicy = "Background" | "Foreground" | "Orphan";

const POLICIES: Record<string, CascadePolicy> = {
  background: "Background",
  foreground: "Foreground",
  orphan: "Orphan",
};

// strconv.ParseBool's spellings: the boolean values still work, with a deprecation warning.
const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** Read --cascade; a boolean value warns on stderr that it is deprecated, anything else unknown fails. */
export function cascadePolicy(run: Run): CascadePolicy {
  const value = run.str("cascade");
  const named = POLICIES[value];
  if (named) return named;
  const asBool = TRUE.has(value) ? "background" : FALSE.has(value) ? "orphan" : undefined;
  if (!asBool)
    return fail(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  run.err(
    `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${asBool}.\n`,
  );
  return POLICIES[asBool];
}
