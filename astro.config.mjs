// @ts-check
import { fileURLToPath } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";
import { offlineIntegration } from "./src/offline/offline-integration.ts";
import { CELL_THEMES } from "./src/plugins/code-themes.ts";
import { remarkCells } from "./src/plugins/remark-cells.ts";
import { cspIntegration } from "./src/runtime/csp-integration.ts";

const rootDir = fileURLToPath(new URL(".", import.meta.url));

// Deploy anywhere: KUBENOTES_SITE=https://me.github.io KUBENOTES_BASE=/kubenotes npm run build
const site = process.env.KUBENOTES_SITE || undefined;
const base = process.env.KUBENOTES_BASE || undefined;

export default defineConfig({
  site,
  base,
  markdown: {
    // Astro 7 renders Markdown with satteri; the cells plugin runs as one of its mdast plugins.
    processor: satteri({
      mdastPlugins: [
        remarkCells({
          rootDir,
          notesDir: fileURLToPath(new URL("./notes/", import.meta.url)),
          cellComponent: fileURLToPath(new URL("./src/components/Cell.astro", import.meta.url)),
        }),
      ],
    }),
  },
  integrations: [
    starlight({
      title: "kubenotes",
      description:
        "Literate notebooks that show how Kubernetes works, against a cluster simulated in the page.",
      // Entries come from each note's `title` and `sidebar.order`. Starlight reads folders
      // relative to the repository root here, so the notes' folder is named explicitly.
      sidebar: [{ autogenerate: { directory: "notes" } }],
      pagefind: true,
      // src/pages/404.astro replaces Starlight's generic one.
      disable404Route: true,
      // Prose code blocks use the same themes as the cells, so both read alike and pass WCAG AA contrast.
      expressiveCode: { themes: [CELL_THEMES.dark, CELL_THEMES.light] },
      components: { Search: "./src/components/Search.astro" },
    }),
    // After Starlight, so it sees every page Starlight wrote, inline scripts included.
    cspIntegration(),
    // Last: its service worker's version is a digest of the finished pages.
    offlineIntegration(),
  ],
  // The kernel and compiler workers import modules; bundle them as ES module workers. ASCII
  // only: one non-Latin-1 character (a box-drawing line, an ellipsis) makes the browser decode
  // the whole 1 MB kernel to UTF-16, on the worker's thread and at twice the memory.
  vite: {
    // The dev-server test starts with an empty optimizer cache of its own.
    ...(process.env.KUBENOTES_VITE_CACHE ? { cacheDir: process.env.KUBENOTES_VITE_CACHE } : {}),
    worker: { format: "es", rolldownOptions: { output: { charset: "ascii" } } },
    // `npm start`: pre-bundle what the kernel, the terminal and the editor import when the server starts.
    // Found on the reader's first Run or Edit instead, Vite re-optimizes them and reloads the page.
    optimizeDeps: {
      include: [
        "yaml",
        "@noble/hashes/sha2.js",
        "@noble/hashes/utils.js",
        "@xterm/xterm",
        "@codemirror/autocomplete",
        "@codemirror/commands",
        "@codemirror/lang-javascript",
        "@codemirror/language",
        "@codemirror/state",
        "@codemirror/view",
        "@lezer/highlight",
        "esbuild-wasm/esm/browser.js",
      ],
    },
  },
});
