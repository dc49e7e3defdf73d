// A directory whose entries are made by a function the first time anyone reads them: a directory written
// once and seldom listed (a pod's volume) costs its mode, time and that function until then.
import type { FsNode } from "./filesystem.ts";

/** A directory node whose `children` map is built on first use. */
export class DeferredDir {
  readonly kind = "dir" as const;
  mode: number;
  mtimeMs: number;
  tmpfs?: boolean;
  private make: (() => Map<string, FsNode>) | undefined;
  private map: Map<string, FsNode> | undefined = undefined;

  /** Make a directory with a mode and time whose entries `make` gives when first read. */
  constructor(mode: number, mtimeMs: number, tmpfs: boolean, make: () => Map<string, FsNode>) {
    this.mode = mode;
    this.mtimeMs = mtimeMs;
    if (tmpfs) this.tmpfs = true;
    this.make = make;
  }

  get children(): Map<string, FsNode> {
    if (this.map === undefined) {
      this.map = (this.make as () => Map<string, FsNode>)();
      this.make = undefined;
    }
    return this.map;
  }
}
