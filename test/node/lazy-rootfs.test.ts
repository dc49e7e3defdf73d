import { describe, expect, it } from "vitest";
import { runEntrypoint } from "../../sandbox/images/nginx-entrypoint.ts";
import { nginxFiles } from "../../sandbox/images/nginx-files.ts";
import { type ContainerMount, createRootfs } from "../../sandbox/node/container-rootfs.ts";
import { FileTree, type FsNode } from "../../sandbox/node/filesystem.ts";

// A container root is made when first read; until then file reads come from the image and writes wait.
// Whatever happens first, the tree must be the one an eager build followed by the same calls gives.
const T0 = Date.UTC(2025, 0, 15, 9, 3, 36);
const FILES = nginxFiles();
const SA = "/var/run/secrets/kubernetes.io/serviceaccount";

function host(): FileTree {
  const fs = new FileTree(T0 - 5000);
  fs.mkdirp("/var/lib/kubelet/pods/u1/volumes/sa", T0 - 5000);
  fs.writeFile("/var/lib/kubelet/pods/u1/volumes/sa/token", "tok", T0 - 5000);
  fs.mkdirp("/srv/html", T0 - 4000);
  fs.writeFile("/srv/html/index.html", "hi", T0 - 4000);
  return fs;
}

const MOUNTS: ContainerMount[] = [
  { containerPath: SA, hostPath: "/var/lib/kubelet/pods/u1/volumes/sa", readonly: true },
  { containerPath: "/usr/share/nginx/html", hostPath: "/srv/html" },
];

function dump(fs: FileTree): string[] {
  const out: string[] = [];
  const walk = (n: FsNode, path: string) => {
    const what = n.kind === "file" ? n.content : n.kind === "symlink" ? `-> ${n.target}` : "";
    out.push(`${path} ${n.kind} ${n.mode.toString(8)} ${n.mtimeMs} ${what}`);
    if (n.kind === "dir")
      for (const name of [...n.children.keys()].sort()) walk(n.children.get(name)!, `${path}/${name}`);
  };
  walk(fs.root, "");
  return out;
}

// Whether a root has been made yet (reading `root` would make it, so peek at the field behind it).
const made = (fs: FileTree) => (fs as unknown as { top?: unknown }).top !== undefined;

// Run `steps` on one root made before them and on one left lazy, then compare what each shows; returns
// whether the lazy one was still unmade after the steps.
function bothWays(steps: (fs: FileTree) => unknown[]): boolean {
  const eager = createRootfs(T0, MOUNTS, host(), FILES);
  void eager.root;
  const lazy = createRootfs(T0, MOUNTS, host(), FILES);
  expect(made(lazy)).toBe(false);
  expect(steps(lazy)).toEqual(steps(eager));
  const stayedLazy = !made(lazy);
  expect(dump(lazy)).toEqual(dump(eager));
  return stayedLazy;
}

function attempt(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

describe("a lazily made container root", () => {
  it("gives the entrypoint's edit and log exactly as an eager root does", () => {
    const lazy = bothWays((fs) => [
      runEntrypoint(fs, T0 + 1234, true),
      fs.peekFile("/etc/nginx/conf.d/default.conf"),
    ]);
    expect(lazy).toBe(true);
  });

  it("answers file reads the same at, under and beside mounts, through symlinks and for directories", () => {
    const paths = [
      "/etc/nginx/conf.d/default.conf",
      "/etc/nginx/conf.d",
      "/etc/passwd",
      "/etc/nope",
      "/nope/deeper",
      `${SA}/token`,
      SA,
      "/var/run",
      "/usr/share/nginx/html/index.html",
      "/var/log/nginx/access.log",
      "/etc/passwd/x",
    ];
    for (const p of paths) bothWays((fs) => [fs.peekFile(p)]);
    expect(bothWays((fs) => [fs.peekFile("/etc/passwd"), fs.peekFile("/etc/nope")])).toBe(true);
  });

  it("fails writes and touches the same way, and replays the ones that wait in order", () => {
    const one: Array<(fs: FileTree) => unknown> = [
      (fs) => fs.writeFile("/etc/nginx/conf.d", "x", T0 + 1),
      (fs) => fs.writeFile("/etc/missing/file", "x", T0 + 2),
      (fs) => fs.writeFile(`${SA}/token`, "x", T0 + 3),
      (fs) => fs.writeFile("/etc/passwd/x", "x", T0 + 4),
      (fs) => fs.touch("/etc/absent", T0 + 5),
      (fs) => fs.writeFile("/usr/share/nginx/html/index.html", "changed", T0 + 9),
      (fs) => fs.writeFile("/var/log/nginx/access.log", "via link", T0 + 10),
      (fs) => fs.writeFile("/etc/nginx", "x", T0 + 12),
      (fs) => fs.writeFile("/", "x", T0 + 13),
      (fs) => fs.touch("/etc/os-release", T0 + 14),
    ];
    for (const step of one) bothWays((fs) => [attempt(() => step(fs))]);
    const waited = bothWays((fs) => [
      attempt(() => fs.writeFile("/etc/new.conf", "one", T0 + 6)),
      attempt(() => fs.touch("/etc/new.conf", T0 + 7)),
      attempt(() => fs.writeFile("/etc/new.conf", "two", T0 + 8, 0o600)),
      fs.peekFile("/etc/new.conf"),
      attempt(() => fs.touch("/etc/debian_version", T0 + 11)),
      attempt(() => fs.writeFile("/etc/nginx/nginx.conf", "three", T0 + 12)),
    ]);
    expect(waited).toBe(true);
  });

  it("keeps a tree made with nested or odd mounts eager and the same", () => {
    const nested: ContainerMount[] = [
      { containerPath: "/data", hostPath: "/srv/html", readonly: true },
      { containerPath: "/data/inner", hostPath: "/var/lib/kubelet/pods/u1/volumes/sa" },
    ];
    const fs = createRootfs(T0, nested, host(), FILES);
    expect(fs.peekFile("/data/inner/token")).toBe("tok");
    expect(attempt(() => fs.writeFile("/data/x", "x", T0))).toBe("FsError: Read-only file system");
  });
});
