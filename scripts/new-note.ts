// Scaffold a lesson from notes/_template.mdx: `npm run note:new -- my-topic "My title"`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Check a note's file name and title; return a message for the first problem, or null. */
export function checkNoteArgs(slug: string | undefined, title: string | undefined): string | null {
  if (!slug || !title) return 'usage: npm run note:new -- <slug> "<title>"   (e.g. my-topic "My topic")';
  if (!SLUG.test(slug))
    return `bad slug "${slug}": use lower-case words joined by dashes, like "pod-lifecycle"`;
  if (!title.trim()) return "the title must not be empty";
  return null;
}

/** Fill the template's placeholders with a slug and a title (quoted safely for YAML). */
export function fillTemplate(template: string, slug: string, title: string): string {
  const yamlTitle = JSON.stringify(title.trim()).slice(1, -1);
  return template.replaceAll("__TITLE__", yamlTitle).replaceAll("__SLUG__", slug);
}

/** Write notes/<slug>.mdx from the template under rootDir; refuse to overwrite. Returns the path. */
export function newNote(rootDir: string, slug: string, title: string): string {
  const problem = checkNoteArgs(slug, title);
  if (problem) throw new Error(problem);
  const path = join(rootDir, "notes", `${slug}.mdx`);
  if (existsSync(path)) throw new Error(`notes/${slug}.mdx already exists; pick another slug`);
  const template = readFileSync(join(rootDir, "notes", "_template.mdx"), "utf8");
  writeFileSync(path, fillTemplate(template, slug, title));
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rootDir = fileURLToPath(new URL("../", import.meta.url));
  const [slug, ...words] = process.argv.slice(2);
  try {
    newNote(rootDir, slug, words.join(" "));
    console.log(`created notes/${slug}.mdx`);
    console.log(`next: write it, then fill its outputs with npm run notes:update -- notes/${slug}.mdx`);
  } catch (error) {
    console.error(`note:new: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
