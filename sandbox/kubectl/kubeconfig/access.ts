// Which kubeconfig files kubectl reads and writes (clientcmd's loading rules and PathOptions):
// --kubeconfig alone, else every file of $KUBECONFIG merged, else $HOME/.kube/config.
// Failures are thrown as Errors whose message is kubectl's whole `error: ...` line.
import type { KubectlContext } from "../context.ts";
import {
  cloneConfig,
  emptyConfig,
  type KubeConfig,
  parseKubeconfig,
  type Stanza,
  serializeKubeconfig,
} from "./model.ts";

type StanzaKind = "clusters" | "contexts" | "users";
const KINDS: StanzaKind[] = ["clusters", "contexts", "users"];

/** The kubeconfig files one kubectl invocation sees, with clientcmd's merge and write-back rules. */
export class ConfigAccess {
  private readonly ctx: KubectlContext;
  private readonly explicit: string;

  constructor(ctx: KubectlContext, explicitPath: string) {
    this.ctx = ctx;
    this.explicit = explicitPath;
  }

  /** Whether --kubeconfig named the file. */
  get isExplicit(): boolean {
    return this.explicit !== "";
  }

  /** The files in precedence order (first wins when they define the same stanza). */
  files(): string[] {
    if (this.explicit) return [this.explicit];
    const env = this.ctx.env?.KUBECONFIG ?? "";
    const list = env.split(":").filter((p) => p !== "");
    if (list.length > 0) return [...new Set(list)];
    return [`${this.ctx.env?.HOME || "/root"}/.kube/config`];
  }

  /** The file new stanzas go to: the explicit file, the first existing $KUBECONFIG file (else its last), or ~/.kube/config. */
  defaultFilename(): string {
    const files = this.files();
    if (files.length === 1) return files[0];
    return files.find((f) => this.ctx.readFile(f) !== undefined) ?? files[files.length - 1];
  }

  private loadFile(path: string): KubeConfig | undefined {
    const text = this.ctx.readFile(path);
    if (text === undefined) return undefined;
    try {
      return parseKubeconfig(text);
    } catch (e) {
      throw new Error(`error: error loading config file "${path}": ${(e as Error).message.split("\n")[0]}`);
    }
  }

  /** Load the merged config; an explicit file that does not exist is an error, other missing files are skipped. */
  load(): KubeConfig {
    if (this.explicit && this.ctx.readFile(this.explicit) === undefined) {
      throw new Error(`error: stat ${this.explicit}: no such file or directory`);
    }
    const merged = emptyConfig();
    for (const f of this.files()) {
      const c = this.loadFile(f);
      if (!c) continue;
      if (!merged.currentContext) merged.currentContext = c.currentContext;
      for (const kind of KINDS) {
        for (const [name, s] of c[kind]) if (!merged[kind].has(name)) merged[kind].set(name, s);
      }
      for (const [k, v] of Object.entries(c.preferences))
        if (!(k in merged.preferences)) merged.preferences[k] = v;
    }
    return cloneConfig(merged);
  }

  private write(path: string, c: KubeConfig): void {
    const write = this.ctx.writeFile;
    const err = write ? write(path, serializeKubeconfig(c)) : "read-only file system";
    if (err) throw new Error(`error: open ${path}: ${err.toLowerCase()}`);
  }

  /** Write the differences between the loaded config and `next` back to the files that hold them (clientcmd.ModifyConfig). */
  modify(next: KubeConfig): void {
    const start = this.load();
    const files = this.files();
    const cache = new Map<string, KubeConfig>();
    const fileConfig = (f: string) => {
      let c = cache.get(f);
      if (!c) {
        c = this.loadFile(f) ?? emptyConfig();
        cache.set(f, c);
      }
      return c;
    };
    if (start.currentContext !== next.currentContext) {
      // Setting goes to the default file; clearing goes to the first file that sets it.
      const target =
        next.currentContext || this.isExplicit
          ? this.defaultFilename()
          : (files.find((f) => this.loadFile(f)?.currentContext) ?? this.defaultFilename());
      fileConfig(target).currentContext = next.currentContext;
    }
    for (const kind of KINDS) {
      for (const [name, stanza] of next[kind]) {
        const before = start[kind].get(name);
        if (before && same(before, stanza)) continue;
        const home = files.find((f) => this.loadFile(f)?.[kind].has(name)) ?? this.defaultFilename();
        fileConfig(home)[kind].set(name, stanza);
      }
      for (const name of start[kind].keys()) {
        if (next[kind].has(name)) continue;
        for (const f of files) if (this.loadFile(f)?.[kind].has(name)) fileConfig(f)[kind].delete(name);
      }
    }
    for (const [f, c] of cache) this.write(f, c);
  }
}

function same(a: Stanza, b: Stanza): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
