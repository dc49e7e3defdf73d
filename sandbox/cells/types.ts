// The shapes the cell API needs from a cluster, kept structural so cells depend on the
// front door's behaviour, not on its classes.
import type { KubeObject } from "../api/types.ts";

/** Name an output stream of a cell. */
export type CellStream = "stdout" | "stderr";

/** Receive text a cell prints, in order, as it prints. */
export type CellWrite = (stream: CellStream, text: string) => void;

/** Describe what one terminal line returned. */
export interface ShellResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Run terminal lines synchronously, reporting output as it is printed. */
export interface CellShell {
  run(line: string, onOutput?: (stream: CellStream, text: string) => void): ShellResult;
}

/** Select objects in a list or a watch. */
export interface CellListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Carry one change seen by a watch. */
export interface CellWatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: KubeObject;
}

/** Reach the API server the way a client does: by plural, namespace and name. */
export interface CellApiServer {
  get(plural: string, namespace: string | undefined, name: string): KubeObject;
  list(plural: string, opts?: CellListOptions): { items: KubeObject[] };
  create(plural: string, input: KubeObject, opts?: { namespace?: string }): KubeObject;
  delete(plural: string, namespace: string | undefined, name: string): KubeObject;
  watch(plural: string, opts: CellListOptions, handler: (ev: CellWatchEvent) => void): () => void;
}

/** List what the cell API calls on a cluster (what `createCluster` returns). */
export interface CellCluster {
  shell(): CellShell;
  advance(ms: number): void;
  api: CellApiServer;
  /** Render the live cluster, or a part of it (`["pod", "default/web"]`), as ASCII art. */
  diagram?: (args: string[]) => ShellResult;
}

/** Give a cell its cluster and the sink its output goes to. */
export interface CellEnv {
  cluster: CellCluster;
  write: CellWrite;
}
