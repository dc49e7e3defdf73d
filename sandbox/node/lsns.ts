// `lsns` as util-linux 2.37 prints it (default columns, -t, -p, -n, and a namespace argument).

import { NS_TYPES, type NsType } from "./namespaces.ts";
import type { Process } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";
import { layoutScols, type ScolsColumn } from "./smartcols.ts";

/** What lsns reads besides /proc: the named net namespaces' nsfs mounts and their netnsids. */
export interface LsnsView {
  procs: readonly Process[];
  /** nsfs bind-mount targets by namespace inode (`/run/netns/cni-...`). */
  nsfsMounts: ReadonlyMap<number, string>;
  /** The netnsid the host's netns assigned to a peer net namespace, by inode. */
  netnsIds: ReadonlyMap<number, number>;
}

const COLUMNS: Record<string, ScolsColumn> = {
  NS: { header: "NS", whint: 10, right: true },
  TYPE: { header: "TYPE", whint: 5, right: false },
  NPROCS: { header: "NPROCS", whint: 5, right: true },
  PID: { header: "PID", whint: 5, right: true },
  USER: { header: "USER", whint: 0, right: false },
  NETNSID: { header: "NETNSID", whint: 0, right: true },
  NSFS: { header: "NSFS", whint: 0, right: false },
  COMMAND: { header: "COMMAND", whint: 0, right: false },
};

// lsns reads /proc/<pid>/ns/* in this order; 2.37 knows these kinds.
const LSNS_ORDER: NsType[] = ["mnt", "net", "pid", "uts", "ipc", "user", "cgroup", "time"];

interface NsEntry {
  type: NsType;
  inode: number;
  procs: Process[];
}

function usageError(msg: string): CommandOutput {
  return { stdout: "", stderr: `lsns: ${msg}\n`, exitCode: 1 };
}

/** Run `lsns` against a node's processes. */
export function runLsns(args: readonly string[], view: LsnsView): CommandOutput {
  const types = new Set<NsType>();
  let pidFilter: number | null = null;
  let nsFilter: number | null = null;
  let headings = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-t" || a === "--type") {
      const t = args[++i];
      if (!(NS_TYPES as readonly string[]).includes(t ?? ""))
        return usageError(`unknown namespace type: ${t ?? ""}`);
      types.add(t as NsType);
    } else if (a.startsWith("--type=")) {
      const t = a.slice(7);
      if (!(NS_TYPES as readonly string[]).includes(t)) return usageError(`unknown namespace type: ${t}`);
      types.add(t as NsType);
    } else if (a === "-p" || a === "--task") {
      pidFilter = Number(args[++i]);
      if (!Number.isInteger(pidFilter)) return usageError(`invalid PID argument: '${args[i] ?? ""}'`);
    } else if (a === "-n" || a === "--noheadings") headings = false;
    else if (/^\d+$/.test(a)) nsFilter = Number(a);
    else
      return usageError(
        `invalid option -- '${a.replace(/^-+/, "")}'\nTry 'lsns --help' for more information.`,
      );
  }
  const wanted = types.size > 0 ? LSNS_ORDER.filter((t) => types.has(t)) : LSNS_ORDER;
  const entries = new Map<number, NsEntry>();
  for (const p of view.procs) {
    for (const type of wanted) {
      const inode = p.ns[type];
      const e = entries.get(inode) ?? { type, inode, procs: [] };
      e.procs.push(p);
      entries.set(inode, e);
    }
  }
  const showNet = types.size === 1 && types.has("net");
  const colNames = [
    "NS",
    "TYPE",
    "NPROCS",
    "PID",
    "USER",
    ...(showNet ? ["NETNSID", "NSFS"] : []),
    "COMMAND",
  ];
  const cols = colNames.map((n) => COLUMNS[n]);
  const rowFor = (e: NsEntry, p: Process): string[] =>
    colNames.map((n) => {
      switch (n) {
        case "NS":
          return String(e.inode);
        case "TYPE":
          return e.type;
        case "NPROCS":
          return String(e.procs.length);
        case "PID":
          return String(p.pid);
        case "USER":
          return p.user ?? String(p.uid);
        case "NETNSID": {
          const id = view.netnsIds.get(e.inode);
          return id === undefined ? "unassigned" : String(id);
        }
        case "NSFS":
          return view.nsfsMounts.get(e.inode) ?? "";
        default:
          return p.kernel ? p.comm : p.argv.join(" ");
      }
    });
  const sorted = [...entries.values()].sort((a, b) => a.inode - b.inode);
  const rows: string[][] = [];
  if (nsFilter !== null) {
    const e = entries.get(nsFilter);
    if (e) for (const p of [...e.procs].sort((a, b) => a.pid - b.pid)) rows.push(rowFor(e, p));
  } else {
    for (const e of sorted) {
      if (pidFilter !== null && !e.procs.some((p) => p.pid === pidFilter)) continue;
      const lowest = e.procs.reduce((a, b) => (b.pid < a.pid ? b : a));
      rows.push(rowFor(e, lowest));
    }
  }
  if (rows.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
  return { stdout: layoutScols(cols, rows, headings), stderr: "", exitCode: 0 };
}
