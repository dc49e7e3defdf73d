import { describe, expect, it } from "vitest";
import { FileTree, FsError } from "../../sandbox/node/filesystem.ts";

function tree(): FileTree {
  const fs = new FileTree(0);
  fs.mkdirp("/a/b/c", 0);
  fs.writeFile("/a/b/f", "file", 0);
  fs.symlink("/a/b", "/a/link", 0);
  fs.symlink("c", "/a/b/rel", 0);
  fs.symlink("/missing", "/a/dangling", 0);
  return fs;
}

function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof FsError ? `${e.code} ${e.path}` : String(e);
  }
}

describe("FileTree path walks", () => {
  const cases = [
    "/a/b/c",
    "/a/b/f",
    "/a/b/f/",
    "/a/b/f/x",
    "/a/b/f/..",
    "/a/b/f/../c",
    "/a/nope/../b",
    "/a/nope/x/../../b/c",
    "/a/./b/c",
    "a/b/c",
    "./a/b",
    "../a/b",
    "//a//b//c//",
    "/a/link/c",
    "/a/link/rel",
    "/a/b/rel/../f",
    "/a/dangling",
    "/a/dangling/x",
    "/a/.hidden",
    "/a/b/.hidden/..",
    "/",
    "",
  ];

  it("finds, tests and looks up paths as the names walk does (dots, symlinks, misses)", () => {
    const fs = tree();
    const got = cases.map((p) => {
      const node = fs.find(p);
      return [p, node?.kind, fs.exists(p), fs.dirError(p), errorOf(() => fs.lookup(p))];
    });
    expect(got).toEqual([
      ["/a/b/c", "dir", true, undefined, undefined],
      ["/a/b/f", "file", true, "Not a directory", undefined],
      ["/a/b/f/", "file", true, "Not a directory", undefined],
      ["/a/b/f/x", undefined, false, "Not a directory", "ENOTDIR /a/b/f/x"],
      ["/a/b/f/..", "dir", true, undefined, undefined],
      ["/a/b/f/../c", "dir", true, undefined, undefined],
      ["/a/nope/../b", "dir", true, undefined, undefined],
      ["/a/nope/x/../../b/c", "dir", true, undefined, undefined],
      ["/a/./b/c", "dir", true, undefined, undefined],
      ["a/b/c", "dir", true, undefined, undefined],
      ["./a/b", "dir", true, undefined, undefined],
      ["../a/b", "dir", true, undefined, undefined],
      ["//a//b//c//", "dir", true, undefined, undefined],
      ["/a/link/c", "dir", true, undefined, undefined],
      ["/a/link/rel", "dir", true, undefined, undefined],
      ["/a/b/rel/../f", "file", true, "Not a directory", undefined],
      ["/a/dangling", undefined, false, "No such file or directory", "ENOENT /missing"],
      ["/a/dangling/x", undefined, false, "No such file or directory", "ENOENT /missing"],
      ["/a/.hidden", undefined, false, "No such file or directory", "ENOENT /a/.hidden"],
      ["/a/b/.hidden/..", "dir", true, undefined, undefined],
      ["/", "dir", true, undefined, undefined],
      ["", "dir", true, undefined, undefined],
    ]);
  });

  it("returns the node mkdirp ends at, following a symlink and keeping a file", () => {
    const fs = tree();
    expect(fs.mkdirp("/a/link", 0)).toBe(fs.lookup("/a/b"));
    expect(fs.mkdirp("/a/b/f", 0)).toBe(fs.lookup("/a/b/f"));
    expect(fs.mkdirp("/x/y", 0)).toBe(fs.lookup("/x/y"));
  });
});
