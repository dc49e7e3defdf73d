import { lookupResource, resourceForKind } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { clone } from "../util/clone.ts";
import { formatValues } from "./format.ts";
import type { CellEnv, CellListOptions, CellShell, CellWatchEvent, ShellResult } from "./types.ts";

/** Filter a list or a watch; `allNamespaces` wins over `namespace`. */
export interface ApiListOptions extends CellListOptions {
  allNamespaces?: boolean;
}

/** Typed access to API objects, by kind (`Pod`), plural (`pods`) or short name (`po`). */
export interface CellObjectApi {
  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): Promise<T>;
  list<T extends KubeObject = KubeObject>(kind: string, options?: ApiListOptions): Promise<T[]>;
  create<T extends KubeObject = KubeObject>(obj: T): Promise<T>;
  delete<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): Promise<T>;
  watch(kind: string, options: ApiListOptions, handler: (event: CellWatchEvent) => void): () => void;
}

/** Everything a cell imports from "kubenotes". */
export interface KubenotesApi {
  $: (strings: TemplateStringsArray, ...values: unknown[]) => Promise<ShellResult>;
  api: CellObjectApi;
  sleep: (seconds: number) => Promise<void>;
  print: (...values: unknown[]) => void;
  diagram: (what?: string) => string;
}

// One shell per cluster, so `ssh node01` in one cell still holds in the next, like a terminal.
const shells = new WeakMap<object, CellShell>();

function plural(kind: string): { plural: string; namespaced: boolean } {
  const rt = lookupResource(kind);
  if (!rt) throw new Error(`the server doesn't have a resource type "${kind}"`);
  return rt;
}

function namespaceFor(namespaced: boolean, namespace: string | undefined): string | undefined {
  return namespaced ? (namespace ?? "default") : undefined;
}

function shellLine(strings: TemplateStringsArray, values: unknown[]): string {
  let line = strings[0];
  values.forEach((value, i) => {
    line += (Array.isArray(value) ? value.join(" ") : String(value)) + strings[i + 1];
  });
  return line;
}

/** Build the API a cell imports, bound to one cluster and one output sink. */
export function createCellApi(env: CellEnv): KubenotesApi {
  const { cluster, write } = env;
  const server = cluster.api;
  const shell = (): CellShell => {
    let found = shells.get(cluster);
    if (!found) {
      found = cluster.shell();
      shells.set(cluster, found);
    }
    return found;
  };
  const print = (...values: unknown[]): void => write("stdout", formatValues(values));

  const $ = async (strings: TemplateStringsArray, ...values: unknown[]): Promise<ShellResult> => {
    let streamed = false;
    const result = shell().run(shellLine(strings, values), (stream, text) => {
      streamed = true;
      write(stream, text);
    });
    // A shell that only returns its output still gets it shown, once.
    if (!streamed) {
      if (result.stdout) write("stdout", result.stdout);
      if (result.stderr) write("stderr", result.stderr);
    }
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  };

  // Like a real client, a cell gets decoded copies: what it changes in them never reaches the store.
  const api: CellObjectApi = {
    async get<T extends KubeObject>(kind: string, name: string, namespace?: string) {
      const rt = plural(kind);
      return clone(server.get(rt.plural, namespaceFor(rt.namespaced, namespace), name) as T);
    },
    async list<T extends KubeObject>(kind: string, options: ApiListOptions = {}) {
      const rt = plural(kind);
      const { allNamespaces, ...rest } = options;
      const namespace = allNamespaces ? undefined : namespaceFor(rt.namespaced, options.namespace);
      return clone(server.list(rt.plural, { ...rest, namespace }).items as T[]);
    },
    async create<T extends KubeObject>(obj: T) {
      const rt = resourceForKind(obj.kind ?? "", obj.apiVersion);
      if (!rt) throw new Error(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`);
      const namespace = namespaceFor(rt.namespaced, obj.metadata?.namespace);
      return clone(server.create(rt.plural, obj, { namespace }) as T);
    },
    async delete<T extends KubeObject>(kind: string, name: string, namespace?: string) {
      const rt = plural(kind);
      return clone(server.delete(rt.plural, namespaceFor(rt.namespaced, namespace), name) as T);
    },
    watch(kind, options, handler) {
      const rt = plural(kind);
      const { allNamespaces, ...rest } = options;
      const namespace = allNamespaces ? undefined : namespaceFor(rt.namespaced, options.namespace);
      return server.watch(rt.plural, { ...rest, namespace }, (event) => handler(clone(event)));
    },
  };

  const sleep = async (seconds: number): Promise<void> => {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`sleep: invalid time interval '${seconds}'`);
    cluster.advance(Math.round(seconds * 1000));
  };

  const diagram = (what?: string): string => {
    if (!cluster.diagram) {
      print("(diagram() is not available in this version of the sandbox)");
      return "";
    }
    const args = (what ?? "").trim().split(/\s+/).filter(Boolean);
    const result = cluster.diagram(args);
    if (result.stdout) write("stdout", result.stdout);
    if (result.stderr) write("stderr", result.stderr);
    return result.stdout;
  };

  return { $, api, sleep, print, diagram };
}
