// Tab completion for the shell: commands, kubectl verbs, resource types, object names and nodes.
import { RESOURCES } from "../api/resources.ts";
import { tokenize } from "./tokenize.ts";
import type { ShellCluster } from "./types.ts";

const KUBECTL_VERBS = [
  "annotate",
  "api-resources",
  "api-versions",
  "apply",
  "auth",
  "cluster-info",
  "config",
  "cordon",
  "create",
  "delete",
  "describe",
  "drain",
  "exec",
  "expose",
  "get",
  "label",
  "logs",
  "patch",
  "rollout",
  "run",
  "scale",
  "set",
  "taint",
  "top",
  "uncordon",
  "version",
  "wait",
];
const SHELL_COMMANDS = ["kubectl", "ssh", "sleep", "clear", "help", "exit", "diagram", "cd", "pwd"];
const NAME_VERBS = new Set([
  "get",
  "describe",
  "delete",
  "label",
  "annotate",
  "edit",
  "patch",
  "scale",
  "expose",
]);

function withPrefix(words: string[], prefix: string): string[] {
  return [...new Set(words.filter((w) => w.startsWith(prefix)))].sort();
}

/** Candidates that complete the last word of `line`. */
export function completeLine(line: string, cluster: ShellCluster, host: string): string[] {
  let words: string[];
  try {
    words = tokenize(line).flatMap((t) => (t.kind === "word" ? [t.value] : []));
  } catch {
    return [];
  }
  const endsWithSpace = /\s$/.test(line) || line === "";
  const current = endsWithSpace ? "" : (words.pop() ?? "");
  if (words.length === 0) return withPrefix([...SHELL_COMMANDS, ...cluster.nodeCommands()], current);
  const cmd = words[0];
  if (cmd === "ssh") return withPrefix(cluster.nodeNames(), current);
  if (cmd !== "kubectl" && cmd !== "k") return [];
  if (host !== cluster.controlPlane) return [];
  const positional = words.slice(1).filter((w) => !w.startsWith("-"));
  if (positional.length === 0) return withPrefix(KUBECTL_VERBS, current);
  const verb = positional[0];
  if (positional.length === 1 && (NAME_VERBS.has(verb) || verb === "logs" || verb === "exec")) {
    if (verb === "logs" || verb === "exec") return withPrefix(names(cluster, "pods", words), current);
    return withPrefix(
      RESOURCES.flatMap((r) => [r.plural, ...r.shortNames]),
      current,
    );
  }
  if (positional.length === 2 && NAME_VERBS.has(verb))
    return withPrefix(names(cluster, positional[1], words), current);
  return [];
}

function names(cluster: ShellCluster, resource: string, words: string[]): string[] {
  const i = words.findIndex((w) => w === "-n" || w === "--namespace");
  const ns = i >= 0 ? words[i + 1] : "default";
  try {
    const rt = cluster.api.resource(resource);
    return cluster.api
      .list(rt.plural, rt.namespaced ? { namespace: ns } : {})
      .items.map((o) => o.metadata.name ?? "");
  } catch {
    return [];
  }
}
