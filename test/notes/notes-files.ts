import { readdirSync } from "node:fs";
import { join } from "node:path";

/** List every note under a folder (MDX files not starting with "_"), sorted. */
export function listNotes(notesDir: string): string[] {
  return readdirSync(notesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".mdx") && !entry.name.startsWith("_"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
