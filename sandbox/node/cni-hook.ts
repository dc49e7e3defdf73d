// The default network hook: fail as containerd does without a CNI config, else hand out pod IPs
// host-local style from the node's pod CIDR (flannel's subnet.env or a CIDR given by the caller).
import type { NetworkHook, NetworkRequest } from "./cri-types.ts";
import type { FileTree } from "./filesystem.ts";
import type { NetnsNames } from "./netns.ts";

/** Config for {@link createDefaultNetworkHook}. */
export interface DefaultNetworkConfig {
  fs: FileTree;
  netns: NetnsNames;
  /** A /24 to allocate from; when absent, read FLANNEL_SUBNET from /run/flannel/subnet.env. */
  podCidr?: string;
  now: () => number;
}

function parseCidr24(cidr: string): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.\d+\/(\d+)$/.exec(cidr.trim());
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** Create the hook containerd uses until a CNI model installs its own. */
export function createDefaultNetworkHook(cfg: DefaultNetworkConfig): NetworkHook {
  const allocated = new Map<string, string>();
  return {
    setup(req: NetworkRequest) {
      let confs: string[] = [];
      try {
        confs = cfg.fs.list("/etc/cni/net.d").filter((f) => /\.(conf|conflist|json)$/.test(f));
      } catch {
        confs = [];
      }
      if (confs.length === 0) return { error: "cni plugin not initialized" };
      let cidr = cfg.podCidr;
      if (!cidr) {
        let env = "";
        try {
          env = cfg.fs.readFile("/run/flannel/subnet.env");
        } catch {
          return {
            error:
              'plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory',
          };
        }
        cidr = /FLANNEL_SUBNET=(\S+)/.exec(env)?.[1];
      }
      const prefix = cidr ? parseCidr24(cidr) : null;
      if (!prefix) return { error: `plugin type="host-local" failed (add): invalid range ${cidr ?? ""}` };
      const used = new Set(allocated.values());
      for (let host = 2; host < 255; host++) {
        const ip = `${prefix}.${host}`;
        if (used.has(ip)) continue;
        allocated.set(req.sandboxId, ip);
        cfg.netns.assignNsid(req.netnsName);
        cfg.fs.mkdirp("/var/lib/cni/networks/cbr0", cfg.now());
        cfg.fs.writeFile(`/var/lib/cni/networks/cbr0/${ip}`, `${req.sandboxId}\r\neth0`, cfg.now());
        return { ip };
      }
      return {
        error: `plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${prefix}.1-${prefix}.254`,
      };
    },
    teardown(sandboxId: string) {
      const ip = allocated.get(sandboxId);
      if (ip) cfg.fs.remove(`/var/lib/cni/networks/cbr0/${ip}`);
      allocated.delete(sandboxId);
    },
  };
}
