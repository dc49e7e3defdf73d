// The cheap corners of /proc: /proc/<pid>/ns links, cmdline, comm, environ and a short status, plus the
// system-wide files (meminfo, loadavg, uptime) a caller renders.
import type { VirtualPaths } from "./fs-commands.ts";
import type { LsLongEntry } from "./ls-format.ts";
import { NS_TYPES, type NsType, nsLink } from "./namespaces.ts";
import type { Process, ProcessTable } from "./processes.ts";

// The kernel also lists the *_for_children links; they equal the process's own namespaces here.
const NS_LINKS: Array<[string, NsType]> = [
  ...NS_TYPES.flatMap(
    (t): Array<[string, NsType]> =>
      t === "pid" || t === "time"
        ? [
            [t, t],
            [`${t}_for_children`, t],
          ]
        : [[t, t]],
  ),
];

/** What /proc needs: a pid lookup (the node's table, or a container's view of its pid namespace). */
export type ProcLookup = Pick<ProcessTable, "get">;

function parse(path: string, procs: ProcLookup): { p: Process; rest: string[] } | null {
  const m = /^\/proc\/(\d+|self)(\/.*)?$/.exec(path.replace(/\/+$/, ""));
  if (!m) return null;
  const p = procs.get(m[1] === "self" ? 1 : Number(m[1]));
  if (!p) return null;
  return { p, rest: (m[2] ?? "").split("/").filter(Boolean) };
}

/** System-wide /proc files by name (`meminfo`), each rendered when read. */
export type ProcSystemFiles = Readonly<Record<string, () => string>>;

/** Serve /proc paths for ls, cat and readlink from the process table and the system-wide files. */
export function procPaths(procs: ProcLookup, system: ProcSystemFiles = {}): VirtualPaths {
  return {
    listDir(path) {
      const hit = parse(path, procs);
      if (hit?.rest.join("/") !== "ns") return null;
      const owner = hit.p.user ?? String(hit.p.uid);
      return NS_LINKS.map(
        ([name, type]): LsLongEntry => ({
          type: "l",
          mode: 0o777,
          links: 1,
          owner,
          group: owner,
          size: 0,
          mtimeMs: hit.p.startMs,
          name,
          target: nsLink(type, hit.p.ns[type]),
        }),
      );
    },
    readFile(path) {
      const sys = /^\/proc\/([a-z]+)$/.exec(path);
      if (sys && Object.hasOwn(system, sys[1])) return system[sys[1]]();
      const hit = parse(path, procs);
      if (!hit) return null;
      const { p, rest } = hit;
      switch (rest.join("/")) {
        case "cmdline":
          return p.kernel ? "" : `${p.argv.join("\0")}\0`;
        case "comm":
          return `${p.comm}\n`;
        case "environ":
          // NUL-terminated NAME=value entries, as the kernel copies them from the process's stack.
          return Object.entries(p.env ?? {})
            .map(([k, v]) => `${k}=${v}\0`)
            .join("");
        case "status":
          return [
            `Name:\t${p.comm}`,
            `State:\t${p.stat.startsWith("I") ? "I (idle)" : "S (sleeping)"}`,
            `Pid:\t${p.pid}`,
            `PPid:\t${p.ppid}`,
            `Uid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}`,
            `Threads:\t${p.threads}`,
            `NSpid:\t${p.pid}${p.nsPid !== p.pid ? `\t${p.nsPid}` : ""}`,
            "",
          ].join("\n");
        default:
          return null;
      }
    },
    readlink(path) {
      const hit = parse(path, procs);
      if (hit?.rest.length !== 2 || hit.rest[0] !== "ns") return null;
      const link = NS_LINKS.find(([name]) => name === hit.rest[1]);
      return link ? nsLink(link[1], hit.p.ns[link[1]]) : null;
    },
  };
}
