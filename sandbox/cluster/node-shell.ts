// Commands run on a node: the machine's own (ps, systemctl, crictl...) plus the cluster-level tools
// that live on the control plane (etcdctl talks to the cluster's etcd).
import type { CommandResult } from "../kubectl/context.ts";
import { runNodeCommand } from "../node/commands.ts";
import type { Cluster, ClusterNode } from "./cluster.ts";

/** Run argv on a node in directory `cwd`, writing nothing until it finishes (node commands do not stream). */
export function runOnMachine(
  cluster: Cluster,
  node: ClusterNode,
  argv: string[],
  stdin: string,
  _write: (stream: "stdout" | "stderr", text: string) => void,
  env: Record<string, string> = {},
  cwd?: string,
): CommandResult {
  const [cmd] = argv;
  if (cmd === "etcdctl") {
    if (node.name !== cluster.controlPlane)
      return { stdout: "", stderr: "bash: etcdctl: command not found\n", exitCode: 127 };
    return cluster.etcdctl(argv.slice(1), env, stdin);
  }
  return runNodeCommand(node.machine, argv, { now: cluster.loop.now(), stdin, env, ...(cwd ? { cwd } : {}) });
}
