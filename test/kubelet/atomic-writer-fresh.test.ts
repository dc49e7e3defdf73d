import { describe, expect, it } from "vitest";
import { writeAtomic, writeAtomicFresh } from "../../sandbox/kubelet/atomic-writer.ts";
import type { PayloadFile } from "../../sandbox/kubelet/volume-payload.ts";
import { DeferredDir } from "../../sandbox/node/deferred-dir.ts";
import { FileTree, type FsNode } from "../../sandbox/node/filesystem.ts";
import { Random } from "../../sandbox/util/random.ts";

// A volume's first write may leave its files to be made when first read: what anyone then sees, and the
// random numbers used, must be those of writing them at once.
const T0 = Date.UTC(2025, 0, 15, 9, 3, 36, 250);
const DIR = "/var/lib/kubelet/pods/u1/volumes/kubernetes.io~projected/kube-api-access-abcde";

function dump(fs: FileTree, path = "/"): string[] {
  const out: string[] = [];
  const walk = (n: FsNode, at: string) => {
    const what = n.kind === "file" ? n.content : n.kind === "symlink" ? `-> ${n.target}` : "";
    const tmpfs = n.kind === "dir" && n.tmpfs ? " tmpfs" : "";
    out.push(`${at} ${n.kind} ${n.mode.toString(8)} ${n.mtimeMs}${tmpfs} ${what}`);
    if (n.kind === "dir") for (const [name, child] of n.children) walk(child, `${at}/${name}`);
  };
  walk(fs.lookup(path), "");
  return out;
}

function payload(entries: Record<string, string>, mode = 0o644): Map<string, PayloadFile> {
  return new Map(Object.entries(entries).map(([k, v]) => [k, { content: v, mode }]));
}

// Make the volume directory as the kubelet does, then write it one way or the other.
function write(fresh: boolean, files: Map<string, PayloadFile>, tmpfs: boolean) {
  const fs = new FileTree(T0 - 1000);
  const random = new Random(7);
  fs.mkdirp(DIR, T0);
  const root = fs.lookup(DIR);
  if (root.kind === "dir") {
    root.mode = tmpfs ? 0o1777 : 0o777;
    if (tmpfs) root.tmpfs = true;
  }
  (fresh ? writeAtomicFresh : writeAtomic)(fs, DIR, files, T0, random);
  return { fs, random };
}

describe("a volume's first write", () => {
  for (const tmpfs of [true, false]) {
    it(`shows the same tree, entry order included, and uses the same randomness (tmpfs ${tmpfs})`, () => {
      const files = payload({ token: "eyJ", "ca.crt": "-----BEGIN", namespace: "default" });
      const eager = write(false, files, tmpfs);
      const lazy = write(true, files, tmpfs);
      expect(lazy.fs.lookup(DIR)).toBeInstanceOf(DeferredDir);
      expect(lazy.random.next()).toBe(eager.random.next());
      expect(dump(lazy.fs)).toEqual(dump(eager.fs));
      expect(lazy.fs.readFile(`${DIR}/token`)).toBe("eyJ");
    });
  }

  it("writes nested payloads and later rewrites as writeAtomic does", () => {
    const nested = payload({ "a/b": "1", c: "2" }, 0o600);
    expect(dump(write(true, nested, false).fs)).toEqual(dump(write(false, nested, false).fs));
    const next = payload({ token: "new", extra: "x" });
    const eager = write(false, payload({ token: "old" }), true);
    const lazy = write(true, payload({ token: "old" }), true);
    writeAtomic(eager.fs, DIR, next, T0 + 60_000, eager.random);
    writeAtomic(lazy.fs, DIR, next, T0 + 60_000, lazy.random);
    expect(dump(lazy.fs)).toEqual(dump(eager.fs));
  });
});
