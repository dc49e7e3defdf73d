// Parsing the same manifest text twice gives the same objects, so built-in manifests (static pods,
// flannel) are parsed once per process and handed out as fresh copies: booting a cluster stays cheap.
import { parseAllDocuments } from "yaml";
import { clone } from "./clone.ts";
import { inYamlOrder, toYaml } from "./go-yaml.ts";

const cache = new Map<string, unknown[]>();
const LIMIT = 64;

function remember(text: string, docs: unknown[]): void {
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, docs);
}

/** Parse every YAML document of a text to plain JS values (copies the caller may change). */
export function parseYamlDocuments(text: string): unknown[] {
  let docs = cache.get(text);
  if (!docs) {
    docs = parseAllDocuments(text, { version: "1.1" }).map((d) => {
      if (d.errors.length > 0) throw d.errors[0];
      return d.toJS() as unknown;
    });
    remember(text, docs);
  }
  return docs.map((d) => clone(d));
}

/**
 * Render a JSON-shaped value as go-yaml does (kubeadm's manifests) and remember what that text parses to,
 * so that reading it back, as the kubelet does with every static pod file, needs no YAML parser: go-yaml
 * quotes whatever a YAML 1.1 reader would misread, so the text reads back as the same value, keys sorted.
 */
export function marshalYaml(value: unknown): string {
  const text = toYaml(value);
  remember(text, [inYamlOrder(value)]);
  return text;
}

/** Remember what a text rendered as toYaml would render `value` reads back as (`value`: keys in toYaml's order, not changed later). */
export function rememberYaml(text: string, value: unknown): void {
  remember(text, [value]);
}
