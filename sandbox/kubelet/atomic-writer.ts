// The kubelet's AtomicWriter (pkg/volume/util/atomic_writer.go): a volume's files live in a timestamped
// directory, `..data` points at it, and each top-level name is a symlink through `..data`, so one
// rename swaps every file at once for a reader inside the container.
import { DeferredDir, type DirSource } from "../node/deferred-dir.ts";
import { type FileTree, FsError, type FsNode } from "../node/filesystem.ts";
import { flatJoin } from "../util/flat-string.ts";
import type { Random } from "../util/random.ts";
import type { PayloadFile } from "./volume-payload.ts";

const DATA = "..data";

/** Name a timestamped directory as os.MkdirTemp does with the writer's pattern: `..2025_01_15_09_00_00.<uint32>`. */
export function timestampDirName(nowMs: number, random: Random): string {
  // Flat, not a template literal's rope of pieces: a volume keeps the name until its directory is read.
  return flatJoin(["..", stampOf(nowMs), ".", String(Math.floor(random.next() * 4294967296))]);
}

// Volumes are mostly written in bursts at one instant: the last second's stamp is kept.
let lastSecond = Number.NaN;
let lastStamp = "";

function stampOf(nowMs: number): string {
  const second = Math.floor(nowMs / 1000);
  if (second === lastSecond) return lastStamp;
  const d = new Date(nowMs);
  const p = (n: number) => String(n).padStart(2, "0");
  lastStamp = `${d.getUTCFullYear()}_${p(d.getUTCMonth() + 1)}_${p(d.getUTCDate())}_${p(d.getUTCHours())}_${p(d.getUTCMinutes())}_${p(d.getUTCSeconds())}`;
  lastSecond = second;
  return lastStamp;
}

// The files under a directory by relative path, for comparing with a new payload.
function filesUnder(node: FsNode, prefix: string, out: Map<string, PayloadFile>): void {
  if (node.kind !== "dir") return;
  for (const [name, child] of node.children) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.kind === "file") out.set(path, { content: child.content, mode: child.mode });
    else filesUnder(child, path, out);
  }
}

function samePayload(a: Map<string, PayloadFile>, b: Map<string, PayloadFile>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.content !== v.content || w.mode !== v.mode) return false;
  }
  return true;
}

const topName = (path: string) => path.split("/")[0];

/** Write a payload into `dir` (which must exist); returns whether anything changed. */
export function writeAtomic(
  fs: FileTree,
  dir: string,
  payload: Map<string, PayloadFile>,
  nowMs: number,
  random: Random,
): boolean {
  const root = fs.lookup(dir);
  if (root.kind !== "dir") throw new FsError("ENOTDIR", dir);
  let oldTs: string | undefined;
  const old = new Map<string, PayloadFile>();
  const current = root.children.get(DATA);
  if (current?.kind === "symlink") {
    oldTs = current.target;
    const tsNode = root.children.get(oldTs);
    if (tsNode) filesUnder(tsNode, "", old);
    if (samePayload(old, payload)) return false;
  }
  const ts = timestampDirName(nowMs, random);
  fs.mkdirp(`${dir}/${ts}`, nowMs, 0o755);
  const sorted = [...payload.keys()].sort();
  for (const path of sorted) {
    const f = payload.get(path)!;
    const parent = path.includes("/") ? `${dir}/${ts}/${path.slice(0, path.lastIndexOf("/"))}` : "";
    if (parent) fs.mkdirp(parent, nowMs, 0o755);
    fs.writeFile(`${dir}/${ts}/${path}`, f.content, nowMs, f.mode);
  }
  // The real writer makes `..data_tmp` and renames it over `..data`; the tree swaps in one step too.
  // A first write has no `..data` to replace.
  if (current) fs.remove(`${dir}/${DATA}`);
  fs.symlink(ts, `${dir}/${DATA}`, nowMs);
  const wanted = new Set(sorted.map(topName));
  for (const name of wanted) {
    const entry = root.children.get(name);
    if (entry?.kind === "symlink") continue;
    if (entry) fs.remove(`${dir}/${name}`);
    fs.symlink(`${DATA}/${name}`, `${dir}/${name}`, nowMs);
  }
  for (const path of old.keys()) if (!wanted.has(topName(path))) fs.remove(`${dir}/${topName(path)}`);
  if (oldTs) fs.remove(`${dir}/${oldTs}`);
  return true;
}

/**
 * Write a payload into `dir`, a directory just made for it that nobody else holds, as writeAtomic would; a
 * flat payload's files, `..data` and links are made only when the directory is first read.
 */
export function writeAtomicFresh(
  fs: FileTree,
  dir: string,
  payload: Map<string, PayloadFile>,
  nowMs: number,
  random: Random,
): void {
  const root = fs.lookup(dir);
  const flat = [...payload.keys()].every((p) => p !== "" && p !== "." && p !== ".." && !p.includes("/"));
  if (root.kind !== "dir" || root.children.size > 0 || !flat) {
    writeAtomic(fs, dir, payload, nowMs, random);
    return;
  }
  const ts = timestampDirName(nowMs, random);
  const sorted = [...payload.keys()].sort();
  const contents = sorted.map((name) => payload.get(name)!.content);
  const modes = sorted.map((name) => payload.get(name)!.mode);
  const tmpfs = root.tmpfs === true;
  const source = new VolumeEntries(ts, sharedList(sorted), contents, sharedList(modes), nowMs, tmpfs);
  fs.bind(dir, new DeferredDir(root.mode, root.mtimeMs, tmpfs, source), nowMs);
}

// Volumes' names and modes repeat from pod to pod (a service account token's ca.crt, namespace, token):
// one frozen list per distinct list, shared. Safe between clusters: an entry depends on its items alone.
const lists = new Map<string, readonly (string | number)[]>();

function sharedList<T extends string | number>(items: T[]): readonly T[] {
  const key = items.join("/");
  const known = lists.get(key);
  if (known !== undefined && known.length === items.length && known.every((x, i) => x === items[i]))
    return known as readonly T[];
  if (known !== undefined || lists.size >= 1_000) return items;
  const shared = Object.freeze(items);
  lists.set(key, shared);
  return shared;
}

// The entries in the order writeAtomic adds them: the timestamped directory, `..data`, then each link.
// Keeps the texts and modes only, not the payload.
class VolumeEntries implements DirSource {
  private readonly ts: string;
  private readonly names: readonly string[];
  private readonly contents: readonly string[];
  private readonly modes: readonly number[];
  private readonly nowMs: number;
  private readonly tmpfs: boolean;

  constructor(
    ts: string,
    names: readonly string[],
    contents: readonly string[],
    modes: readonly number[],
    nowMs: number,
    tmpfs: boolean,
  ) {
    this.ts = ts;
    this.names = names;
    this.contents = contents;
    this.modes = modes;
    this.nowMs = nowMs;
    this.tmpfs = tmpfs;
  }

  entries(): Map<string, FsNode> {
    const { ts, names, contents, modes, nowMs, tmpfs } = this;
    const files = new Map<string, FsNode>();
    for (let i = 0; i < names.length; i++)
      files.set(names[i], { kind: "file", mode: modes[i], mtimeMs: nowMs, content: contents[i] });
    const entries = new Map<string, FsNode>();
    entries.set(
      ts,
      tmpfs
        ? { kind: "dir", mode: 0o755, mtimeMs: nowMs, children: files, tmpfs: true }
        : { kind: "dir", mode: 0o755, mtimeMs: nowMs, children: files },
    );
    entries.set(DATA, { kind: "symlink", mode: 0o777, mtimeMs: nowMs, target: ts });
    for (const name of names)
      entries.set(name, { kind: "symlink", mode: 0o777, mtimeMs: nowMs, target: `${DATA}/${name}` });
    return entries;
  }
}
