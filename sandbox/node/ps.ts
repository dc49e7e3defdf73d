// `ps` as procps-ng 3.3.17 prints it: -ef, -e, -f, aux, -p, -C, -o, --no-headers.

import type { Process } from "./processes.ts";
import { layoutPsRows, PS_COLUMNS, type PsColumn, type PsRenderContext } from "./ps-columns.ts";

/** The output of a node command. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE =
  "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

const FULL = ["user", "pid", "ppid", "c", "stime", "tname", "time", "cmd"];
const BSD_U = ["user", "pid", "pcpu", "pmem", "vsz", "rss", "tt", "stat", "start", "bsdtime", "args"];
const DEFAULT = ["pid", "tname", "time", "comm"];

// Default formats relabel a few columns; -o keeps the specifier's own header.
const FULL_HEADERS: Record<string, string> = { user: "UID", comm: "CMD" };

interface PsRequest {
  all: boolean;
  format: string[] | null;
  full: boolean;
  bsdU: boolean;
  pids: number[] | null;
  names: string[] | null;
  headers: boolean;
}

function fail(message: string): CommandOutput {
  return { stdout: "", stderr: `error: ${message}\n${USAGE}`, exitCode: 1 };
}

function parse(args: readonly string[]): PsRequest | CommandOutput {
  const req: PsRequest = {
    all: false,
    format: null,
    full: false,
    bsdU: false,
    pids: null,
    names: null,
    headers: true,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const takeValue = (inline: string): string | null => (inline !== "" ? inline : (args[++i] ?? null));
    if (a === "--no-headers" || a === "--no-heading") req.headers = false;
    else if (a === "--pid" || a === "--format") {
      const v = args[++i] ?? null;
      const r = a === "--pid" ? addPids(req, v) : addFormat(req, v);
      if (r) return r;
    } else if (/^-[efApCo]/.test(a)) {
      // SysV flags cluster (`-ef`, `-eo pid,comm`); p, C and o take the rest of the word or the next one.
      for (let k = 1; k < a.length; k++) {
        const f = a[k];
        if (f === "e" || f === "A") req.all = true;
        else if (f === "f") req.full = true;
        else if (f === "p" || f === "C" || f === "o") {
          const v = takeValue(a.slice(k + 1));
          const r = f === "p" ? addPids(req, v) : f === "o" ? addFormat(req, v) : addNames(req, v);
          if (r) return r;
          break;
        } else return fail("unsupported SysV option");
      }
    } else if (/^[aux]+$/.test(a)) {
      if (a.includes("a") || a.includes("x")) req.all = true;
      if (a.includes("u")) req.bsdU = true;
    } else if (a.startsWith("-")) return fail("unsupported SysV option");
    else return fail("unsupported option (BSD syntax)");
  }
  return req;
}

function addPids(req: PsRequest, v: string | null): CommandOutput | null {
  if (v === null) return fail("list of process IDs must follow -p");
  const pids = v.split(/[ ,]/).filter(Boolean).map(Number);
  if (pids.some((n) => !Number.isInteger(n) || n < 1)) return fail("process ID list syntax error");
  req.pids = [...(req.pids ?? []), ...pids];
  return null;
}

function addNames(req: PsRequest, v: string | null): CommandOutput | null {
  if (v === null) return fail("list of command names must follow -C");
  req.names = [...(req.names ?? []), ...v.split(",")];
  return null;
}

function addFormat(req: PsRequest, v: string | null): CommandOutput | null {
  if (v === null) return fail("improper format list");
  req.format = [...(req.format ?? []), ...v.split(/[ ,]/).filter(Boolean)];
  return null;
}

function resolveColumns(req: PsRequest): PsColumn[] | string {
  if (req.format) {
    const cols: PsColumn[] = [];
    for (const spec of req.format) {
      const [name, header] = spec.includes("=")
        ? [spec.slice(0, spec.indexOf("=")), spec.slice(spec.indexOf("=") + 1)]
        : [spec, null];
      const col = PS_COLUMNS[name.toLowerCase()];
      if (!col) return 'unknown user-defined format specifier "' + name + '"';
      cols.push(header === null ? col : { ...col, header });
    }
    return cols;
  }
  const names = req.bsdU ? BSD_U : req.full ? FULL : DEFAULT;
  return names.map((n) => {
    const col = PS_COLUMNS[n];
    const relabel = req.full && !req.bsdU ? FULL_HEADERS[n] : n === "comm" ? "CMD" : undefined;
    return relabel ? { ...col, header: relabel } : col;
  });
}

/** Run `ps` with its arguments against a process list. */
export function runPs(
  args: readonly string[],
  procs: readonly Process[],
  ctx: PsRenderContext,
): CommandOutput {
  const req = parse(args);
  if ("exitCode" in req) return req;
  const cols = resolveColumns(req);
  if (typeof cols === "string") return fail(cols);
  const selected = procs.filter((p) => {
    if (req.pids || req.names) {
      return (req.pids?.includes(p.pid) ?? false) || (req.names?.includes(p.comm) ?? false);
    }
    // Without -e, ps shows only processes on the caller's terminal; the node shell has none worth listing.
    return req.all;
  });
  const rows = selected.map((p) => cols.map((c) => c.value(p, ctx)));
  const showHeader = req.headers && cols.some((c) => c.header !== "");
  const body = layoutPsRows(cols, showHeader ? [cols.map((c) => c.header), ...rows] : rows);
  return { stdout: body, stderr: "", exitCode: (req.pids || req.names) && selected.length === 0 ? 1 : 0 };
}
