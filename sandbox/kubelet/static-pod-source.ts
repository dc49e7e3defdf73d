// The kubelet's file source: the static pods of its manifest directory, relisted every fileCheckFrequency
// and updated on each inotify event in between, with the journal lines of file.go and file_linux.go.

import type { FileTree } from "../node/filesystem.ts";
import type { KubeletLog } from "./pod-worker.ts";
import { decodeManifest } from "./static-pods.ts";

/** The kubelet's staticPodPath under kubeadm. */
export const MANIFEST_DIR = "/etc/kubernetes/manifests";
/** fileCheckFrequency: kubeadm writes 0s, which the kubelet reads as its 20 s default. */
export const FILE_CHECK_MS = 20_000;

/** One static pod the file source asks the kubelet to run. */
export interface StaticPodWant {
  file: string;
  yaml: string;
  namespace: string;
  name: string;
  hash: string;
}

/** A directory listing: file name → content, null for a subdirectory; undefined when the directory is missing. */
export type ManifestReader = () => Record<string, string | null> | undefined;

const q = (s: string) => JSON.stringify(s);

/** Read the manifest directory of a node's tree: regular files (symlinks followed), null for directories. */
export function readManifestDir(fs: FileTree): Record<string, string | null> | undefined {
  const dir = fs.find(MANIFEST_DIR);
  if (dir?.kind !== "dir") return undefined;
  const out: Record<string, string | null> = {};
  for (const name of fs.list(MANIFEST_DIR)) {
    const node = fs.find(`${MANIFEST_DIR}/${name}`);
    if (node?.kind === "file") out[name] = node.content;
    else if (node?.kind === "dir") out[name] = null;
  }
  return out;
}

/** The file source's store: static pods by namespace/name, in file order. */
export class StaticPodSource {
  private readonly read: ManifestReader;
  private readonly log: KubeletLog;
  private readonly store = new Map<string, StaticPodWant>();
  // fileKeyMapping: which pod each file last gave, so that removing the file removes that pod.
  private readonly fileKey = new Map<string, string>();
  private seen: Record<string, string | null> = {};
  private readonly decoded = new Map<string, { text: string; result: ReturnType<typeof decodeManifest> }>();

  constructor(read: ManifestReader, log: KubeletLog) {
    this.read = read;
    this.log = log;
  }

  /** The pods the source holds now. */
  wants(): ReadonlyMap<string, StaticPodWant> {
    return this.store;
  }

  /** listConfig: read every manifest and replace the store; files that do not decode are logged and left out. */
  list(): ReadonlyMap<string, StaticPodWant> {
    const files = this.read();
    this.store.clear();
    this.fileKey.clear();
    if (!files) {
      this.seen = {};
      this.log(
        `"Unable to read config path" err="path does not exist, ignoring" path="${MANIFEST_DIR}"`,
        "file.go:94",
      );
      return this.store;
    }
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith(".")) continue;
      const path = `${MANIFEST_DIR}/${file}`;
      if (text === null) {
        this.log(
          `"Provided manifest path is a directory, not recursing into manifest path" path=${q(path)}`,
          "file.go:174",
        );
        continue;
      }
      const want = this.decode(file, text);
      if (typeof want === "string")
        this.log(`"Could not process manifest file" err=${q(want)} path=${q(path)}`, "file.go:188", "E");
      else this.add(file, want);
    }
    for (const file of this.decoded.keys()) if (typeof files[file] !== "string") this.decoded.delete(file);
    this.seen = files;
    return this.store;
  }

  /** consumeWatchEvent for each file created, changed or removed since the last read (a missing directory waits for the relist). */
  changed(): ReadonlyMap<string, StaticPodWant> {
    const files = this.read();
    if (!files) return this.store;
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith(".") || text === null || this.seen[file] === text) continue;
      const path = `${MANIFEST_DIR}/${file}`;
      const want = this.decode(file, text);
      // A manifest that no longer decodes keeps its old pod until the next relist drops it.
      if (typeof want === "string")
        this.log(
          `"Unable to process watch event" err=${q(`can't process config file ${q(path)}: ${want}`)}`,
          "file_linux.go:76",
          "E",
        );
      else this.add(file, want);
    }
    for (const file of Object.keys(this.seen)) {
      if (typeof files[file] === "string") continue;
      const key = this.fileKey.get(file);
      if (key === undefined) continue;
      this.store.delete(key);
      this.fileKey.delete(file);
    }
    this.seen = files;
    return this.store;
  }

  private add(file: string, want: StaticPodWant): void {
    const key = `${want.namespace}/${want.name}`;
    this.store.set(key, want);
    this.fileKey.set(file, key);
  }

  // A manifest's pod, or the error text; decoded again only when the file's text changed.
  private decode(file: string, text: string): StaticPodWant | string {
    let known = this.decoded.get(file);
    if (known?.text !== text) {
      known = { text, result: decodeManifest(text, file, `${MANIFEST_DIR}/${file}`) };
      this.decoded.set(file, known);
    }
    const r = known.result;
    return r.ok ? { file, yaml: text, namespace: r.namespace, name: r.name, hash: r.hash } : r.error;
  }
}
