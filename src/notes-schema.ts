import { z } from "astro/zod";
import { PRESET_NAMES, resolvePreset } from "../sandbox/cluster/presets.ts";

/** List the cluster presets a note may name, as the sandbox spells them ("workers-N" is a pattern). */
export const CLUSTER_PRESETS: readonly string[] = PRESET_NAMES;

/** Tell whether a value names a cluster preset the sandbox can boot. */
export function isClusterPreset(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    resolvePreset(value);
    return true;
  } catch {
    return false;
  }
}

/** Validate the fields a note adds to Starlight's frontmatter. */
export const noteSchema = z.object({
  /** The cluster the note's cells run against, fresh for each reader. */
  cluster: z
    .string()
    .refine(isClusterPreset, {
      error: (issue) =>
        `unknown cluster preset ${JSON.stringify(issue.input)}: expected ${PRESET_NAMES.join(", ")} (N from 1 to 1000)`,
    })
    .default("default"),
});
