// A directory whose entries are made the first time anyone reads them: a directory written once and seldom
// listed (a pod's volume) costs its mode, time and the record its entries are made from until then.
import type { FsNode } from "./filesystem.ts";

/** What a deferred directory's entries are made from. */
export interface DirSource {
  /** Make the entries, in the order they were added; called once. */
  entries(): Map<string, FsNode>;
}

/** A directory node whose `children` map is built on first use. */
export class DeferredDir {
  readonly kind = "dir" as const;
  mode: number;
  mtimeMs: number;
  tmpfs?: boolean;
  private source: DirSource | undefined;
  private map: Map<string, FsNode> | undefined = undefined;

  /** Make a directory with a mode and time whose entries `source` gives when first read. */
  constructor(mode: number, mtimeMs: number, tmpfs: boolean, source: DirSource) {
    this.mode = mode;
    this.mtimeMs = mtimeMs;
    if (tmpfs) this.tmpfs = true;
    this.source = source;
  }

  get children(): Map<string, FsNode> {
    if (this.map === undefined) {
      this.map = (this.source as DirSource).entries();
      this.source = undefined;
    }
    return this.map;
  }
}
