// Tab completion for the shell: commands, kubectl verbs, resource types, object names, nodes and paths.
import { RESOURCES } from "../api/resources.ts";
import { resolvePath } from "../node/paths.ts";
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
const SHELL_COMMANDS = ["kubectl", "ssh", "sleep", "sudo", "clear", "help", "exit", "diagram", "cd", "pwd"];
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

/**
 * Complete a path as bash does by default: entries of the word's directory (relative to `cwd`, `~` being
 * /root) that start with its last part, directories ending in `/`, dot files only when asked for.
 */
function completePath(cluster: ShellCluster, host: string, cwd: string, word: string): string[] {
  const cut = word.lastIndexOf("/") + 1;
  const dirWord = word.slice(0, cut);
  const base = word.slice(cut);
  const dir = dirWord.startsWith("~/") ? `/root/${dirWord.slice(2)}` : dirWord;
  const entries = cluster.listDir(host, resolvePath(cwd, dir)) ?? [];
  return entries
    .filter((e) => e.startsWith(base) && (base.startsWith(".") || !e.startsWith(".")))
    .map((e) => dirWord + e);
}

/** Candidates that complete the last word of `line`, typed in directory `cwd` of `host`. */
export function completeLine(line: string, cluster: ShellCluster, host: string, cwd = "/root"): string[] {
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
  const previous = words[words.length - 1];
  if ((cmd !== "kubectl" && cmd !== "k") || previous === "-f" || previous === "--filename")
    return completePath(cluster, host, cwd, current).filter((p) => cmd !== "cd" || p.endsWith("/"));
  if (host !== cluster.controlPlane) return [];
  const positional = words.slice(1).filter((w) => !w.startsWith("-"));
  if (positional.length === 0) return withPrefix(KUBECTL_VERBS, current);
  const verb = positional[0];
  if (positional.length === 1 && (NAME_VERBS.has(verb) || verb === "logs" || verb === "exec")) {
    if (verb === "logs" || verb === "exec") return withPrefix(names(cluster, "pods", words), current);
    // kubectl completes resource types from their full names (`api-resources -o name`), not short names:
    // `get no<Tab>` becomes `get nodes`.
    return withPrefix(
      RESOURCES.map((r) => r.plural),
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
