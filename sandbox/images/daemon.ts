// A helper for images whose program is one long-running daemon with fixed ports and start-up logs.
import type { Proto, SocketHandler } from "../node/sockets.ts";
import { fakeSha256 } from "./ids.ts";
import { SHELL_COMMANDS, startApplet } from "./shell.ts";
import { type ImageTools, startImageTool } from "./tools.ts";
import type { ImageContext, ImageFile, ImageProgram } from "./types.ts";

/** One socket a daemon opens; `addr` is the bound address as ss shows it (default `*`). */
export interface DaemonPort {
  port: number;
  proto: Proto;
  addr?: string;
  handler?: SocketHandler;
}

/** How to describe a daemon image. */
export interface DaemonSpec {
  ref: string;
  aliases?: string[];
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  /** The daemon's own executable names (matched on argv[0]'s basename). */
  daemons: string[];
  /** Whether the image ships a shell and coreutils. */
  hasShell?: boolean;
  user?: { uid: number; name: string | null };
  /** Files the image ships, or how to make them when first asked for. */
  files?: readonly ImageFile[] | (() => readonly ImageFile[]);
  cpuRate?: number;
  rssKb?: number;
  vszKb?: number;
  threads?: number;
  /** Its sockets, fixed or derived from the command line and files (listen flags, a config file). */
  ports?: DaemonPort[] | ((ctx: ImageContext) => DaemonPort[]);
  /** Log lines written at start, given the context. */
  startLogs?: (ctx: ImageContext) => string[];
  /** Rewrite the process title (nginx, redis do). */
  title?: (argv: readonly string[]) => string[];
  /** Exit 0 on SIGTERM or SIGINT, as the Kubernetes components' signal handler makes them do. */
  exitsOnTerm?: boolean;
  /** What the daemon's binaries answer without starting (`redis-server --version`). */
  tools?: ImageTools;
}

const refuse: SocketHandler = () => "";

/** Build an image program from a daemon description. */
export function daemonImage(spec: DaemonSpec): ImageProgram {
  const daemons = new Set(spec.daemons);
  const tools = spec.tools;
  const make = spec.files;
  let files = typeof make === "function" ? undefined : make;
  return {
    ref: spec.ref,
    aliases: spec.aliases,
    digest: fakeSha256(`digest:${spec.ref}`),
    sizeBytes: spec.sizeBytes,
    entrypoint: spec.entrypoint,
    cmd: spec.cmd,
    binaries: [...spec.daemons, ...(spec.hasShell ? SHELL_COMMANDS : [])],
    user: spec.user,
    get files() {
      if (files === undefined && typeof make === "function") files = make();
      return files;
    },
    ...(tools ? { tools } : {}),
    start(ctx) {
      const argv = handedOn(ctx.argv, spec.entrypoint, spec.cmd);
      const base = (argv[0] ?? "").split("/").pop() ?? "";
      if (tools && startImageTool(ctx, tools, argv)) return;
      if (!daemons.has(base)) {
        startApplet(ctx, argv, tools);
        return;
      }
      const pid = ctx.spawn(spec.title ? spec.title(ctx.argv) : [...ctx.argv], {
        cpuRate: spec.cpuRate,
        rssKb: spec.rssKb,
        vszKb: spec.vszKb,
        threads: spec.threads,
        ...(spec.user ? { uid: spec.user.uid, user: spec.user.name } : {}),
      });
      for (const line of spec.startLogs?.(ctx) ?? []) ctx.log(line, "stderr");
      const ports = typeof spec.ports === "function" ? spec.ports(ctx) : (spec.ports ?? []);
      for (const p of ports) ctx.listen(p.port, p.proto, p.handler ?? refuse, pid, p.addr);
      if (spec.exitsOnTerm)
        ctx.onSignal(pid, (sig) => {
          if (sig !== 15 && sig !== 2) return false;
          ctx.exit(0);
          return true;
        });
      ctx.attach?.(base, pid);
    },
  };
}

// An entrypoint script (`docker-entrypoint.sh`) execs its arguments, putting the image's command before
// them when they are only flags or a .conf file (`-- --port 7000`); with none, it runs as itself.
function handedOn(argv: readonly string[], entrypoint: readonly string[], cmd: readonly string[]): string[] {
  const base = (argv[0] ?? "").split("/").pop() ?? "";
  if (entrypoint.length !== 1 || base !== entrypoint[0] || argv.length < 2) return [...argv];
  const rest = argv.slice(1);
  return rest[0].startsWith("-") || rest[0].endsWith(".conf") ? [...cmd, ...rest] : rest;
}

/** Read a flag's value from a command line (`--name=value` or `--name value`). */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
    if (argv[i] === `--${name}`) return argv[i + 1];
  }
  return undefined;
}
