// The kubelet's AtomicWriter (pkg/volume/util/atomic_writer.go): a volume's files live in a timestamped
// directory, `..data` points at it, and each top-level name is a symlink through `..data`, so one
// rename swaps every file at once for a reader inside the container.
import { type FileTree, FsError, type FsNode } from "../node/filesystem.ts";
import type { Random } from "../util/random.ts";
import type { PayloadFile } from "./volume-payload.ts";

const DATA = "..data";

/** Name a timestamped directory as os.MkdirTemp does with the writer's pattern: `..2025_01_15_09_00_00.<uint32>`. */
export function timestampDirName(nowMs: number, random: Random): string {
  return `..${stampOf(nowMs)}.${Math.floor(random.next() * 4294967296)}`;
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
