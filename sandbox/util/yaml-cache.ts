// Parsing the same manifest text twice gives the same objects, so built-in manifests (static pods,
// flannel) are parsed once per process and handed out as fresh copies: booting a cluster stays cheap.
import { parseAllDocuments } from "yaml";
import { clone } from "./clone.ts";

const cache = new Map<string, unknown[]>();
const LIMIT = 64;

/** Parse every YAML document of a text to plain JS values (copies the caller may change). */
export function parseYamlDocuments(text: string): unknown[] {
  let docs = cache.get(text);
  if (!docs) {
    docs = parseAllDocuments(text, { version: "1.1" }).map((d) => {
      if (d.errors.length > 0) throw d.errors[0];
      return d.toJS() as unknown;
    });
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(text, docs);
  }
  return docs.map((d) => clone(d));
}
