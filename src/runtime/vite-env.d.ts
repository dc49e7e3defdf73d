/** Type Vite's `?url` imports, which resolve to the emitted asset's URL. */
declare module "*?url" {
  const url: string;
  export default url;
}

/** Type Vite's `?raw` imports, which resolve to the file's text. */
declare module "*?raw" {
  const text: string;
  export default text;
}

/** Type Vite's `?worker&url` imports, which resolve to the bundled worker script's URL. */
declare module "*?worker&url" {
  const url: string;
  export default url;
}

/** Type the part of Vite's `import.meta.env` the runtime reads: whether this is a production build. */
interface ImportMetaEnv {
  readonly PROD: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
