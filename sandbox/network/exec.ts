// `kubectl exec`: run a command inside a running container, in its own root filesystem and its pod's
// network namespace, with only the executables its image ships; network tools reach the modelled network.
import type { Pod } from "../api/types.ts";
import { processEnv } from "../images/env.ts";
import type { CommandResult } from "../kubectl/context.ts";
import { type ContainerExecOptions, runInContainer } from "../node/container-exec.ts";
import { containerShellLine, openContainerShell, type ShellLineOutput } from "../node/container-shell.ts";
import type { ExecTarget } from "../node/cri-types.ts";
import type { ClusterNetwork } from "./install.ts";
import type { NodeNetwork } from "./node-network.ts";
import type { Site } from "./site.ts";
import { NET_TOOLS } from "./tools/table.ts";

/** The resolv.conf the kubelet writes for a pod (dnsPolicy ClusterFirst unless host networking or Default). */
export function podResolvConf(pod: Pod | undefined, dnsIP: string, nodeResolv: string): string {
  const policy = pod?.spec.dnsPolicy ?? "ClusterFirst";
  if (policy === "Default" || (policy === "ClusterFirst" && pod?.spec.hostNetwork)) return nodeResolv;
  const ns = pod?.metadata.namespace ?? "default";
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${dnsIP}\noptions ndots:5\n`;
}

/** The /etc/hosts the kubelet manages for a pod. */
export function podHosts(ip: string, hostname: string): string {
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${hostname}\n`;
}

function nodeFile(node: NodeNetwork, path: string): string {
  try {
    return node.machine.fs.readFile(path);
  } catch {
    return "";
  }
}

/** The site of a container: its pod's namespace, resolv.conf and hosts file. */
export function containerSite(net: ClusterNetwork, node: NodeNetwork, t: ExecTarget, now: number): Site {
  const pod = net.api.tryGet<Pod>("pods", t.podNamespace, t.labels["io.kubernetes.pod.name"] ?? "");
  const stack = (t.hostNetwork ? node.host : node.stackOf(t.net)) ?? node.host;
  const resolv = podResolvConf(pod, net.dnsIP, nodeFile(node, "/run/systemd/resolve/resolv.conf"));
  return {
    fabric: net.fabric,
    node,
    stack,
    resolvConf: resolv,
    hosts: t.hostNetwork ? nodeFile(node, "/etc/hosts") : podHosts(t.podIp, t.hostname),
    hostname: t.hostname,
    now,
    random: net.random,
    flavor: t.binaries.includes("wget") ? "busybox" : "debian",
    ...(t.busyboxVersion ? { busyboxVersion: t.busyboxVersion } : {}),
  };
}

// What exec answers for a container that is not running.
function notRunning(t: ExecTarget): CommandResult {
  return {
    stdout: "",
    stderr: `error: unable to upgrade connection: container not found ("${t.labels["io.kubernetes.container.name"] ?? ""}")\n`,
    exitCode: 1,
  };
}

// The options every exec into a container runs with: its environment, the kubelet's files, network tools.
function execOptions(
  net: ClusterNetwork,
  node: NodeNetwork,
  t: ExecTarget,
  now: number,
): ContainerExecOptions {
  return { now, env: processEnv(t.env, t.hostname), ...execExtras(net, node, t, now) };
}

/** Run argv in a container as the runtime's exec does: output and the process's exit code. */
export function execInContainer(
  net: ClusterNetwork,
  node: NodeNetwork,
  t: ExecTarget,
  argv: string[],
  stdin: string,
  now: number,
): CommandResult {
  if (t.state !== "CONTAINER_RUNNING") return notRunning(t);
  // kubectl itself adds "command terminated with exit code N" for a non-zero exit.
  return runInContainer(t, argv, stdin, execOptions(net, node, t, now));
}

/** Start a terminal's shell in a container (`exec -it POD -- sh`): its pid and prompt, or exec's failure. */
export function openShellIn(
  net: ClusterNetwork,
  node: NodeNetwork,
  t: ExecTarget,
  shell: string,
  now: number,
): { pid: number; prompt: string } | CommandResult {
  if (t.state !== "CONTAINER_RUNNING") return notRunning(t);
  return openContainerShell(t, shell, execOptions(net, node, t, now));
}

/** Run a line typed at a terminal's shell in a container (`pid`, or its main process when absent). */
export function shellLineIn(
  net: ClusterNetwork,
  node: NodeNetwork,
  t: ExecTarget,
  pid: number | undefined,
  line: string,
  now: number,
): ShellLineOutput {
  if (t.state !== "CONTAINER_RUNNING") return { ...notRunning(t), prompt: "", ended: true };
  return containerShellLine(t, pid, line, execOptions(net, node, t, now));
}

/** The kubelet's files and the network tools for a command run in a container (exec or its own shell). */
export function execExtras(
  net: ClusterNetwork,
  node: NodeNetwork,
  t: ExecTarget,
  now: number,
): Pick<ContainerExecOptions, "files" | "external"> {
  const site = containerSite(net, node, t, now);
  return {
    // The kubelet bind-mounts these three into every container; they track the pod's current state.
    files: {
      "/etc/resolv.conf": site.resolvConf,
      "/etc/hosts": site.hosts,
      "/etc/hostname": `${site.hostname}\n`,
    },
    external: (a, input) => NET_TOOLS[(a[0] ?? "").split("/").pop() ?? ""]?.(site, a.slice(1), input) ?? null,
  };
}
