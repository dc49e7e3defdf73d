// The bind mounts the kubelet asks the runtime for (makeMounts): each volumeMount of a container becomes a
// node path shown at its mountPath; emptyDirs live under the pod's directory in /var/lib/kubelet/pods.
import type { Container, Pod, Volume } from "../api/types.ts";
import type { ContainerMount } from "../node/container-rootfs.ts";
import { apiVolumeKind } from "./volume-payload.ts";

/** A node path the kubelet creates before the container starts. */
export interface HostPathPrep {
  path: string;
  kind: "dir" | "file";
  mode?: number;
}

/** The mounts of one container and the node paths to create first. */
export interface ContainerMounts {
  mounts: ContainerMount[];
  prepare: HostPathPrep[];
}

/** The directory the kubelet keeps for a pod on its node. */
export function podDir(uid: string): string {
  return `/var/lib/kubelet/pods/${uid}`;
}

/** The node directory behind a pod's emptyDir volume. */
export function emptyDirPath(uid: string, name: string): string {
  return `${podDir(uid)}/volumes/kubernetes.io~empty-dir/${name}`;
}

/** The node directory a configMap, secret, projected or downwardAPI volume is written to, else null. */
export function apiVolumePath(uid: string, v: Volume): string | null {
  const kind = apiVolumeKind(v);
  return kind ? `${podDir(uid)}/volumes/${kind}/${v.name}` : null;
}

interface Source {
  path: string;
  prep?: HostPathPrep["kind"];
  mode?: number;
  readOnly?: boolean;
}

// Where a volume's files are on the node, and what the kubelet must create there; null when not modelled.
function source(pod: Pod, v: Volume): Source | null {
  // emptyDir creates its directory world-writable (0777), whatever the umask.
  if (v.emptyDir) return { path: emptyDirPath(pod.metadata.uid ?? "", v.name), prep: "dir", mode: 0o777 };
  // The kubelet has already written these (volume-manager.ts); they are always mounted read-only.
  const api = apiVolumePath(pod.metadata.uid ?? "", v);
  if (api) return { path: api, readOnly: true };
  if (v.hostPath) {
    const type = v.hostPath.type ?? "";
    if (type === "DirectoryOrCreate") return { path: v.hostPath.path, prep: "dir" };
    if (type === "FileOrCreate") return { path: v.hostPath.path, prep: "file" };
    // The kubelet's type checks (Directory, File, Socket...) are not modelled; containerd creates a missing
    // host path as a directory, which is what an unchecked hostPath gets.
    return { path: v.hostPath.path };
  }
  return null;
}

/** List a container's bind mounts in volumeMounts order, with subPath and readOnly applied. */
export function containerMounts(pod: Pod, container: Container): ContainerMounts {
  const out: ContainerMounts = { mounts: [], prepare: [] };
  const vms = container.volumeMounts;
  if (!vms?.length) return out;
  const volumes = new Map<string, Volume>();
  for (const v of pod.spec.volumes ?? []) volumes.set(v.name, v);
  for (const vm of vms) {
    const v = volumes.get(vm.name);
    const src = v ? source(pod, v) : null;
    if (!src) continue;
    const subPath = vm.subPath ?? "";
    const hostPath = subPath ? `${src.path}/${subPath}` : src.path;
    if (src.prep)
      out.prepare.push(
        src.mode ? { path: src.path, kind: src.prep, mode: src.mode } : { path: src.path, kind: src.prep },
      );
    // The kubelet creates a missing subPath as a directory inside the volume.
    if (subPath) out.prepare.push({ path: hostPath, kind: "dir" });
    const ro = vm.readOnly || src.readOnly;
    out.mounts.push(
      ro
        ? { containerPath: vm.mountPath, hostPath, readonly: true }
        : { containerPath: vm.mountPath, hostPath },
    );
  }
  return out;
}
