// What the shell needs from the cluster it drives.
import type { ApiServer } from "../apiserver/server.ts";
import type { CommandResult, KubeletAccess } from "../kubectl/context.ts";
import type { EventLoop } from "../util/event-loop.ts";
import type { Random } from "../util/random.ts";

/** Where output of a running command goes as it is produced. */
export type OutputSink = (stream: "stdout" | "stderr", text: string) => void;

/** The cluster as the shell sees it: an API server, nodes you can ssh to, virtual time. */
export interface ShellCluster {
  loop: EventLoop;
  api: ApiServer;
  kubelets: KubeletAccess;
  /** The node the shell starts on (the control plane, where kubectl has admin.conf). */
  controlPlane: string;
  nodeNames(): string[];
  /** Run a non-kubectl command on a node, in directory `cwd`. */
  runOnNode(
    node: string,
    argv: string[],
    stdin: string,
    write: OutputSink,
    env: Record<string, string>,
    cwd?: string,
  ): CommandResult;
  /** Say why a path on a node is not a directory to enter (strerror text); undefined when it is one. */
  dirError(node: string, path: string): string | undefined;
  /** A directory's entries on a node, directories marked with a trailing `/`; undefined when it is none. */
  listDir(node: string, path: string): string[] | undefined;
  /** Command names a node understands (for tab completion and `help`). */
  nodeCommands(): string[];
  readFile(node: string, path: string): string | undefined;
  /** Write a file on a node; returns an error message on failure. */
  writeFile(node: string, path: string, content: string, append: boolean): string | undefined;
  /** Render an ASCII diagram of the cluster or a part of it, when available. */
  diagram?(args: string[]): CommandResult;
  /** The cluster's seeded randomness; kubectl's temporary names come from a fork of it. */
  random?: Random;
  /** Use up a pid on a node for a short-lived command and return it (what its klog lines show). */
  takePid?(node: string): number;
}
