// The cluster shapes a note or a terminal can ask for.

/** The shape of a cluster to boot. */
export interface ClusterShape {
  /** Worker nodes besides the control plane. */
  workers: number;
  /** Whether a CNI plugin (flannel) has been applied. */
  cni: boolean;
}

/**
 * The pod network (`kubeadm init --pod-network-cidr`, and flannel's net-conf to match). A /16 holds only
 * 256 node /24s, so presets with more nodes than that use a /14, as an operator of such a cluster would.
 */
export function podNetwork(shape: ClusterShape): string {
  return shape.workers + 1 > 256 ? "10.244.0.0/14" : "10.244.0.0/16";
}

/** Named presets. `workers-N` (1 ≤ N ≤ 1000) is accepted too. */
export const PRESETS: Record<string, ClusterShape> = {
  default: { workers: 2, cni: true },
  "no-cni": { workers: 2, cni: false },
  "single-node": { workers: 0, cni: true },
};

/** The preset names, for schemas and `--preset` help. */
export const PRESET_NAMES = [...Object.keys(PRESETS), "workers-N"];

/** Resolve a preset name; throws a clear error listing the valid names. */
export function resolvePreset(name: string): ClusterShape {
  const p = PRESETS[name];
  if (p) return p;
  const m = /^workers-(\d+)$/.exec(name);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 1000) return { workers: Number(m[1]), cni: true };
  throw new Error(
    `unknown cluster preset "${name}": expected one of ${PRESET_NAMES.join(", ")} (N from 1 to 1000)`,
  );
}

/** Worker names as kubeadm labs name them: node01, node02, ... (node1000 past 999). */
export function workerName(i: number): string {
  return `node${String(i).padStart(2, "0")}`;
}

/** The InternalIP of the control plane (index 0) and each worker. */
export function nodeIP(i: number): string {
  const n = i + 1;
  return `172.${30 + Math.floor(n / 255)}.${n % 255}.2`;
}
