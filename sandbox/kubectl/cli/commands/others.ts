// Commands the sandbox only names: they appear in `kubectl --help` and parse, but their flags are not modelled.
import type { CommandSpec } from "../types.ts";

function named(name: string, short: string): CommandSpec {
  return { name, use: "", short, flags: [], notModelled: true };
}

/** Stub specs keyed by name, for the root command groups. */
export const OTHER_COMMANDS: Record<string, CommandSpec> = {
  autoscale: named(
    "autoscale",
    "Auto-scale a deployment, replica set, stateful set, or replication controller",
  ),
  certificate: named("certificate", "Modify certificate resources"),
  attach: named("attach", "Attach to a running container"),
  "port-forward": named("port-forward", "Forward one or more local ports to a pod"),
  proxy: named("proxy", "Run a proxy to the Kubernetes API server"),
  cp: named("cp", "Copy files and directories to and from containers"),
  debug: named("debug", "Create debugging sessions for troubleshooting workloads and nodes"),
  events: named("events", "List events"),
  kustomize: named("kustomize", "Build a kustomization target from a directory or URL"),
  completion: named(
    "completion",
    "Output shell completion code for the specified shell (bash, zsh, fish, or powershell)",
  ),
  plugin: named("plugin", "Provides utilities for interacting with plugins"),
};
