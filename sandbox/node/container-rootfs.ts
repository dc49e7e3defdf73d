// A container's own root filesystem: the image's directories and files plus the bind mounts it asked for.
import type { ImageFile } from "../images/types.ts";
import { FileTree, type FsNode, splitPath } from "./filesystem.ts";
import { LazyRootfs, type MountPaths, prefixRelated, sharedMountPaths } from "./lazy-rootfs.ts";
import { copyTemplate, imageTemplate } from "./rootfs-template.ts";

/** One bind mount, as CRI's Mount carries it (host_path is a directory or file on the node). */
export interface ContainerMount {
  containerPath: string;
  hostPath: string;
  readonly?: boolean;
}

// The skeleton every container root starts with (top-level names; `usr` holds `bin`), in creation order.
const TOP_DIRS = ["bin", "dev", "etc", "home", "proc", "root", "run", "sys", "tmp", "usr", "var"];
// One empty list for images without files, so they share one template too.
const NO_FILES: readonly ImageFile[] = [];
const PASSWD = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n";

function dir(mode: number, now: number): FsNode & { kind: "dir" } {
  return { kind: "dir", mode, mtimeMs: now, children: new Map() };
}

/** Create a container's root: a fresh tree per container, with each mount sharing the node's directory. */
export function createRootfs(
  now: number,
  mounts: readonly ContainerMount[],
  node?: FileTree,
  files: readonly ImageFile[] = NO_FILES,
): FileTree {
  const image = imageTemplate(files, fillImage);
  const shared = image ? sharedMountPaths(mounts) : undefined;
  if (image && shared && simpleMounts(image, shared)) {
    // The host side happens now, as the mounts are resolved; the container's tree waits for a reader.
    const found = mounts.map((m) => hostNode(m, node, now));
    return new LazyRootfs(now, image, mounts, found, shared);
  }
  const fs = new FileTree(now);
  if (image) copyTemplate(image, fs.root, now);
  else fillImage(fs, now, files);
  for (const m of mounts) fs.bind(m.containerPath, hostNode(m, node, now), now);
  // Read-only after every bind, so a mount nested under a read-only one can still be placed.
  for (const m of mounts) if (m.readonly) fs.mountReadOnly(m.containerPath);
  return fs;
}

// The node's directory or file a mount shows, made when missing.
function hostNode(m: ContainerMount, node: FileTree | undefined, now: number): FsNode {
  // Without the node's tree (unit tests of containerd alone) a mount is a private empty directory.
  const host = node ?? new FileTree(now);
  const found = host.find(m.hostPath);
  if (found) return found;
  host.mkdirp(m.hostPath, now);
  // The bind resolves symlinks once, at mount time: a subPath of a configMap key keeps the file it found.
  return host.lookup(m.hostPath);
}

// Whether every mount of the set is simple in this image; a pod's containers ask with the same set and image,
// so the answer is kept for the set's last image (templates are never changed).
function simpleMounts(image: FsNode & { kind: "dir" }, shared: MountPaths): boolean {
  if (shared.checkedIn !== image) {
    shared.simple = shared.paths.every((_, i) => simpleMount(image, shared.paths, i));
    shared.checkedIn = image;
  }
  return shared.simple === true;
}

// Whether placing mount i later gives what placing it now would: its directories in the image are plain
// directories (no symlink or file to resolve or fail on) and no other mount lies at, above or under it.
function simpleMount(
  image: FsNode & { kind: "dir" },
  paths: readonly (readonly string[])[],
  i: number,
): boolean {
  const names = paths[i];
  if (names.length === 0) return false;
  for (let j = 0; j < paths.length; j++) if (j !== i && prefixRelated(paths[j], names)) return false;
  let node: FsNode | undefined = image;
  for (let k = 0; k < names.length - 1 && node !== undefined; k++) {
    if (node.kind !== "dir") return false;
    node = node.children.get(names[k]);
  }
  return node === undefined || node.kind === "dir";
}

// Lay the skeleton and the image's files into a fresh tree.
function fillImage(fs: FileTree, now: number, files: readonly ImageFile[]): FileTree {
  // Built node by node: one container start makes these a dozen times a pod, and no path needs walking.
  for (const name of TOP_DIRS) fs.root.children.set(name, dir(name === "tmp" ? 0o1777 : 0o755, now));
  (fs.root.children.get("usr") as FsNode & { kind: "dir" }).children.set("bin", dir(0o755, now));
  // Images that ship their own passwd replace this minimal one below.
  (fs.root.children.get("etc") as FsNode & { kind: "dir" }).children.set("passwd", {
    kind: "file",
    mode: 0o644,
    mtimeMs: now,
    content: PASSWD,
  });
  for (const f of files) writeImageFile(fs, f);
  return fs;
}

/** Unpack one image entry with the layer's mode and mtime; a directory it lands in takes that mtime too. */
function writeImageFile(fs: FileTree, f: ImageFile): void {
  const ms = f.mtime * 1000;
  const names = splitPath(f.path);
  const parent = `/${names.slice(0, -1).join("/")}`;
  fs.mkdirp(parent, ms);
  if (f.link !== undefined) {
    fs.remove(f.path);
    fs.symlink(f.link, f.path, ms);
  } else if (f.content !== undefined) {
    fs.writeFile(f.path, f.content, ms, f.mode ?? 0o644);
  } else {
    fs.mkdirp(f.path, ms, f.mode ?? 0o755);
    const dir = fs.lookup(f.path);
    dir.mode = f.mode ?? 0o755;
    dir.mtimeMs = ms;
  }
}
