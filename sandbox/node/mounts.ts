// The node's mounted file systems, in mount order, derived from what the machine holds: the OS's disks and
// tmpfs, each ready pod sandbox's /dev/shm, each running task's overlay rootfs and the kubelet's
// memory-backed volumes. df reads sizes from here, and /proc/meminfo's Shmem sums the tmpfs usage.
import type { FileTree, FsNode } from "./filesystem.ts";
import type { Machine } from "./machine.ts";
import { NODE_DISK } from "./machine.ts";

/** One mounted file system with its statfs figures in 1K blocks. */
export interface Mount {
  source: string;
  fstype: string;
  target: string;
  sizeKb: number;
  usedKb: number;
  /** What an unprivileged user may still use (statfs f_bavail): ext4 keeps 5% for root. */
  availKb: number;
  inodes: number;
  inodesUsed: number;
}

const CONTAINERD_TASKS = "/run/containerd/io.containerd.runtime.v2.task/k8s.io";
const CRI_SANDBOXES = "/run/containerd/io.containerd.grpc.v1.cri/sandboxes";
const KUBELET_PODS = "/var/lib/kubelet/pods";
// Plugin directories whose volumes the kubelet backs with tmpfs (medium Memory); configMaps stay on disk.
const TMPFS_PLUGINS = ["kubernetes.io~projected", "kubernetes.io~secret", "kubernetes.io~downward-api"];
/** The size containerd gives a sandbox's /dev/shm (its default shm size, 64 MiB). */
const SANDBOX_SHM_KB = 65_536;
// What systemd and friends keep in /run: pid files, sockets, udev's database, journald's runtime files.
const RUN_USED_KB = 1_612;
// Bytes in an image's unpacked snapshot for each byte of its compressed download (content store + layers).
const UNPACKED_PER_PULLED = 3;

const tmpfs = (source: string, target: string, sizeKb: number, usedKb: number, inodes = 0): Mount => ({
  source,
  fstype: "tmpfs",
  target,
  sizeKb,
  usedKb,
  availKb: sizeKb - usedKb,
  inodes: Math.floor(sizeKb / 4),
  inodesUsed: inodes,
});

/** Sum the 4K pages a tmpfs directory's files take, and count its inodes. */
function tmpfsUsage(node: FsNode): { kb: number; inodes: number } {
  if (node.kind === "file") return { kb: Math.ceil(node.content.length / 4096) * 4, inodes: 1 };
  if (node.kind === "symlink") return { kb: 0, inodes: 1 };
  let kb = 0;
  let inodes = 1;
  for (const child of node.children.values()) {
    const u = tmpfsUsage(child);
    kb += u.kb;
    inodes += u.inodes;
  }
  return { kb, inodes };
}

function listOr(fs: FileTree, path: string): string[] {
  try {
    return fs.list(path);
  } catch {
    return [];
  }
}

/** The root file system: the OS image plus every image the node holds, unpacked. */
function rootMount(m: Machine): Mount {
  const imagesKb = m.containerd.images
    .list()
    .reduce((n, img) => n + Math.ceil((img.sizeBytes * UNPACKED_PER_PULLED) / 1024), 0);
  const usedKb = NODE_DISK.rootBaseUsedKb + imagesKb;
  const reserved = Math.floor(NODE_DISK.rootKb * 0.05);
  return {
    source: NODE_DISK.rootDevice,
    fstype: "ext4",
    target: "/",
    sizeKb: NODE_DISK.rootKb,
    usedKb,
    availKb: Math.max(0, NODE_DISK.rootKb - usedKb - reserved),
    inodes: NODE_DISK.rootInodes,
    inodesUsed: NODE_DISK.rootBaseInodesUsed + Math.floor(imagesKb / 64),
  };
}

/** List the machine's mounts in the order they were made (the order /proc/mounts and df print). */
export function listMounts(m: Machine): Mount[] {
  const total = m.memTotalKb;
  const root = rootMount(m);
  // systemd sizes /run and each user's runtime directory at 10% of RAM, /dev/shm at half of it.
  const tenth = Math.floor(total / 10);
  const out: Mount[] = [
    tmpfs("tmpfs", "/run", tenth, RUN_USED_KB, 905),
    root,
    tmpfs("tmpfs", "/dev/shm", Math.floor(total / 2), 0, 1),
    tmpfs("tmpfs", "/run/lock", 5_120, 0, 3),
    {
      source: NODE_DISK.efiDevice,
      fstype: "vfat",
      target: "/boot/efi",
      sizeKb: NODE_DISK.efiKb,
      usedKb: NODE_DISK.efiUsedKb,
      availKb: NODE_DISK.efiKb - NODE_DISK.efiUsedKb,
      inodes: 0,
      inodesUsed: 0,
    },
    // The reader's root login holds a session, so logind mounted root's runtime directory.
    tmpfs("tmpfs", "/run/user/0", tenth, 4, 2),
  ];
  const later: Array<{ at: number; order: number; mount: Mount }> = [];
  const sandboxTime = new Map<string, number>();
  for (const sb of m.containerd.listPodSandboxes()) {
    if (sb.state !== "SANDBOX_READY") continue;
    sandboxTime.set(sb.config.uid, sb.createdAt);
    if (!sb.config.hostIPC)
      later.push({
        at: sb.createdAt,
        order: 1,
        mount: tmpfs("shm", `${CRI_SANDBOXES}/${sb.id}/shm`, SANDBOX_SHM_KB, 0, 1),
      });
    later.push({ at: sb.createdAt, order: 2, mount: overlay(root, sb.id) });
  }
  for (const c of m.containerd.listContainers({ state: "CONTAINER_RUNNING" }))
    later.push({ at: c.startedAt || c.createdAt, order: 3, mount: overlay(root, c.id) });
  // The kubelet mounts a pod's memory-backed volumes before it asks for the pod's sandbox.
  const memKb = total - 102_400;
  for (const uid of listOr(m.fs, KUBELET_PODS)) {
    for (const plugin of TMPFS_PLUGINS) {
      const dir = `${KUBELET_PODS}/${uid}/volumes/${plugin}`;
      for (const name of listOr(m.fs, dir)) {
        const node = m.fs.find(`${dir}/${name}`);
        if (node?.kind !== "dir" || !node.tmpfs) continue;
        const used = tmpfsUsage(node);
        // Sized at the node's allocatable memory; a pod memory limit would cap it (not modelled).
        const mount = tmpfs("tmpfs", `${dir}/${name}`, memKb, used.kb, used.inodes);
        later.push({ at: sandboxTime.get(uid) ?? node.mtimeMs, order: 0, mount });
      }
    }
  }
  later.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const l of later) out.push(l.mount);
  return out;
}

// A running task's root: an overlay over the image's layers whose figures are those of the disk below it.
function overlay(root: Mount, id: string): Mount {
  return { ...root, source: "overlay", fstype: "overlay", target: `${CONTAINERD_TASKS}/${id}/rootfs` };
}

/** Sum what the node's tmpfs mounts hold, in KiB (their pages count as shared memory). */
export function tmpfsUsedKb(mounts: readonly Mount[]): number {
  return mounts.reduce((n, mt) => n + (mt.fstype === "tmpfs" ? mt.usedKb : 0), 0);
}
