// What containerd hands `exec` about one container: its image's tools, env, names and root filesystem.
import type { ImageProgram } from "../images/types.ts";
import { runtimeEnv } from "./container-command.ts";
import type { Container, Sandbox } from "./containerd-records.ts";
import type { ExecTarget } from "./cri-types.ts";
import type { ProcessTable } from "./processes.ts";

/** The hostname a container sees: the node's with host networking, else the sandbox's. */
export function containerHostname(s: Sandbox, nodeHostname: string): string {
  return s.config.hostNetwork ? nodeHostname : (s.config.hostname ?? s.config.name);
}

// The pod spec's workingDir wins over the image's WorkingDir; neither leaves exec at `/`.
function workingDirOf(c: Container, program: ImageProgram | undefined): { workingDir?: string } {
  const dir = c.config.workingDir || program?.workingDir;
  return dir ? { workingDir: dir } : {};
}

/** Describe a container of a sandbox for exec. */
export function execTargetOf(
  c: Container,
  s: Sandbox,
  program: ImageProgram | undefined,
  nodeHostname: string,
  processes: ProcessTable,
): ExecTarget {
  return {
    containerId: c.status.id,
    state: c.status.state,
    binaries: program?.binaries ?? [],
    env: runtimeEnv(program, c.config),
    hostname: containerHostname(s, nodeHostname),
    podIp: s.ip,
    net: s.ns.net,
    hostNetwork: !!s.config.hostNetwork,
    podNamespace: s.config.namespace,
    labels: { ...(c.config.labels ?? {}) },
    pid: c.run.mainPid,
    rootfs: c.rootfs,
    processes,
    shimPid: s.shimPid,
    ...workingDirOf(c, program),
    ...(program?.tools ? { tools: program.tools } : {}),
    ...(program?.busyboxVersion ? { busyboxVersion: program.busyboxVersion } : {}),
  };
}
