// Notes live in notes/ at the repository root, not src/content/docs, so contributors find them.
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { defineCollection } from "astro/content/config";
import { glob } from "astro/loaders";
import { noteSchema } from "./notes-schema.ts";

/** Declare the docs collection Starlight renders: every MDX note not starting with "_". */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: "./notes", pattern: "**/[^_]*.mdx" }),
    schema: docsSchema({ extend: noteSchema }),
  }),
  // No UI strings are overridden; one empty entry keeps Starlight from warning the set is empty.
  i18n: defineCollection({ loader: () => [{ id: "en" }], schema: i18nSchema() }),
};
