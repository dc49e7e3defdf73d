// Give a new pod sandbox its network namespace: pin it as cni-<uuid> and ask the CNI hook for an IP.
import { CriError, type NetworkHook, type PodSandboxConfig } from "./cri-types.ts";
import type { NamespaceRegistry } from "./namespaces.ts";
import type { NetnsNames } from "./netns.ts";

/** The result of attaching a sandbox to the pod network. */
export interface SandboxNetwork {
  net: number;
  netnsName: string;
  ip: string;
}

/** Create, pin and attach a sandbox's net namespace; throws containerd's error when the CNI fails. */
export function attachSandboxNetwork(
  deps: { namespaces: NamespaceRegistry; netns: NetnsNames; hook: NetworkHook },
  sandboxId: string,
  config: PodSandboxConfig,
  uuidHex: string,
): SandboxNetwork {
  const net = deps.namespaces.create("net");
  const u = uuidHex;
  const netnsName = `cni-${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20, 32)}`;
  deps.netns.add(netnsName, net);
  const res = deps.hook.setup({
    sandboxId,
    podName: config.name,
    podNamespace: config.namespace,
    netnsName,
    netnsPath: `/var/run/netns/${netnsName}`,
  });
  if ("error" in res) {
    deps.netns.remove(netnsName);
    throw new CriError(`failed to setup network for sandbox "${sandboxId}": ${res.error}`);
  }
  return { net, netnsName, ip: res.ip };
}
