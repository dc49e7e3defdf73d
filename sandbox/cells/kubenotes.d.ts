// The types a cell sees for `import { ... } from "kubenotes"`: loaded by the cell editor for
// completion and hover docs. Self-contained on purpose (the editor loads this one file);
// keep it in step with api.ts.
declare module "kubenotes" {
  /** Metadata every API object carries. */
  export interface ObjectMeta {
    name?: string;
    generateName?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [extra: string]: unknown;
  }

  /** Any API object, in Kubernetes' JSON shape. */
  export interface KubeObject {
    apiVersion?: string;
    kind?: string;
    metadata: ObjectMeta;
    // biome-ignore lint/suspicious/noExplicitAny: lessons read spec and status fields without casts
    spec?: any;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    status?: any;
    [extra: string]: unknown;
  }

  /** What one terminal line returned. */
  export interface ShellResult {
    stdout: string;
    stderr: string;
    /** 0 on success; the line's non-zero exit code never throws. */
    exitCode: number;
  }

  /** Which objects a list or watch selects. */
  export interface ListOptions {
    /** Defaults to "default" for namespaced kinds. */
    namespace?: string;
    /** List across every namespace (like `kubectl get -A`). */
    allNamespaces?: boolean;
    /** For example "app=web,tier!=cache". */
    labelSelector?: string;
    /** For example "spec.nodeName=node01". */
    fieldSelector?: string;
  }

  /** One change seen by a watch. */
  export interface WatchEvent {
    type: "ADDED" | "MODIFIED" | "DELETED";
    object: KubeObject;
  }

  /**
   * Run one terminal line, as typed at the page terminal, and print its output as it comes.
   * @example const { stdout, exitCode } = await $`kubectl get pods -o wide`;
   */
  export function $(strings: TemplateStringsArray, ...values: unknown[]): Promise<ShellResult>;

  /** Read and write API objects through the API server, like a Kubernetes client. */
  export const api: {
    /** Get one object by kind ("Pod", "pods" or "po"), name and namespace (default "default"). */
    get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): Promise<T>;
    /** List objects of a kind. */
    list<T extends KubeObject = KubeObject>(kind: string, options?: ListOptions): Promise<T[]>;
    /** Create an object from its manifest (apiVersion, kind and metadata are required). */
    create<T extends KubeObject = KubeObject>(obj: T): Promise<T>;
    /** Delete one object. */
    delete<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): Promise<T>;
    /** Call `handler` for each change as virtual time passes; returns a function that stops the watch. */
    watch(kind: string, options: ListOptions, handler: (event: WatchEvent) => void): () => void;
  };

  /** Let `seconds` of virtual time pass: controllers reconcile, pods start, probes run. */
  export function sleep(seconds: number): Promise<void>;

  /** Print values: strings as they are, objects as YAML. */
  export function print(...values: unknown[]): void;

  /**
   * Print and return an ASCII picture drawn from the live cluster.
   * @param what "cluster" (the default), "nodes", "pod <namespace/name>" or "service <namespace/name>".
   * @example diagram("pod default/web");
   */
  export function diagram(what?: string): string;
}
