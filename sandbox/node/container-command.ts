// How containerd turns a pod sandbox and a container config into namespaces and a command line.
import type { ImageProgram } from "../images/types.ts";
import type { ContainerConfig, PodSandboxConfig } from "./cri-types.ts";
import type { NsType } from "./namespaces.ts";

// The OCI spec's default PATH, which containerd starts every container's env with.
const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Merge a container's env as containerd does: the default PATH, the image's Env, then the CRI config's. */
export function runtimeEnv(
  program: ImageProgram | undefined,
  config: ContainerConfig,
): Record<string, string> {
  // Spreading keeps a key where it first appeared, as containerd's WithEnv replaces a variable in place.
  return { PATH: DEFAULT_PATH, ...(program?.env ?? {}), ...(config.env ?? {}) };
}

/** Resolve the process argv as the OCI spec does: command replaces ENTRYPOINT, args replace CMD. */
export function resolveArgv(program: ImageProgram, config: ContainerConfig): string[] {
  // concat, not spreads: an exact-size list (a spread keeps room for 20), kept by the container's context.
  if (config.command?.length) return config.command.concat(config.args ?? []);
  return program.entrypoint.concat(config.args?.length ? config.args : program.cmd);
}

/** Return runc's start error when argv[0] is not an executable in the image, else null. */
export function startError(program: ImageProgram, argv: readonly string[]): string | null {
  const exe = (argv[0] ?? "").split("/").pop() ?? "";
  if (argv.length > 0 && program.binaries.includes(exe)) return null;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0] ?? ""}": executable file not found in $PATH: unknown`;
}

/** List the namespaces a sandbox's pause container gets of its own (net is handled with the CNI). */
export function sandboxFreshNamespaces(config: PodSandboxConfig): NsType[] {
  const out: NsType[] = ["mnt"];
  if (!config.hostNetwork) out.push("uts");
  if (!config.hostIPC) out.push("ipc");
  if (!config.hostPID) out.push("pid");
  out.push("cgroup");
  return out;
}

/** List the namespaces an app container gets of its own; it joins the sandbox's net, ipc and uts. */
export function containerFreshNamespaces(config: PodSandboxConfig): NsType[] {
  return config.shareProcessNamespace ? ["mnt", "cgroup"] : ["mnt", "pid", "cgroup"];
}
