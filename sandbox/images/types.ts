// The contract between containerd and a modelled image: metadata plus a program that runs.
import type { FileTree } from "../node/filesystem.ts";
import type { LineFormat } from "../node/log-buffer.ts";
import type { Proto, SocketHandler } from "../node/sockets.ts";
import type { ImageTools } from "./tools.ts";

/** Spawn options for a process inside the container. */
export interface ContainerSpawnOptions {
  /** Parent pid; defaults to the container's main process (or the shim for the first spawn). */
  parent?: number;
  comm?: string;
  cpuRate?: number;
  vszKb?: number;
  rssKb?: number;
  threads?: number;
  uid?: number;
  user?: string | null;
  stat?: string;
}

/** What a running image program can do: spawn, log, wait, listen and exit, all in virtual time. */
export interface ImageContext {
  /** The resolved command line (entrypoint/command + cmd/args). */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly hostname: string;
  /** The pod IP (the node IP for host-network pods); empty while none is assigned. */
  readonly podIp: string;
  /** Whether stdin stays open for the main process (a shell then waits for input instead of exiting). */
  readonly stdinOpen: boolean;
  /** The current virtual time (ms since epoch) while this program's code runs. */
  now(): number;
  /** Spawn a process in the container's namespaces; the first spawn becomes the container's main process. */
  spawn(argv: string[], opts?: ContainerSpawnOptions): number;
  /** The pid a process has inside the container's pid namespace. */
  nsPidOf(pid: number): number;
  /** Replace a process's command line, as execve does. */
  exec(pid: number, argv: string[]): void;
  /** End one process with an exit code. */
  exitProcess(pid: number, code: number): void;
  /** End the main process (and with it the container) with an exit code. */
  exit(code: number): void;
  /** Write a line to the container log. */
  log(line: string, stream?: "stdout" | "stderr"): void;
  /** Write a line whose text is `format(now, arg)`, rendered only when the log is read (same text as log). */
  logFormatted(format: LineFormat, arg: string, stream?: "stdout" | "stderr"): void;
  /** Run a callback later in virtual time; returns a cancel function. */
  schedule(delayMs: number, fn: () => void): () => void;
  /** Listen on a port in the container's network namespace, on `addr` (default `*`, every address). */
  listen(port: number, proto: Proto, handler: SocketHandler, pid?: number, addr?: string): void;
  /** Handle a signal sent to a process; return true to keep running (or after exiting by hand). */
  onSignal(pid: number, handler: (sig: number) => boolean): void;
  /** Let the node run a daemon's behaviour (kube-proxy, flanneld, CoreDNS) for process `pid`. */
  attach?(daemon: string, pid: number): void;
  /** Run `<shell> -c script` to completion in the container's own filesystem (touch, rm, echo > f...), in `cwd` (default: its WorkingDir). */
  runScript?(
    shell: string,
    script: string,
    cwd?: string,
  ): { stdout: string; stderr: string; exitCode: number };
  /** The container's own root filesystem (image files, its writes, its volume mounts). */
  readonly rootfs?: FileTree;
}

/** One entry an image's layers put into every container's root filesystem. */
export interface ImageFile {
  path: string;
  /** A regular file's text; omit it (and `link`) for a directory. */
  content?: string;
  /** A symlink's target, as `ln -s` was given it. */
  link?: string;
  /** Permission bits; 0644 for files and 0755 for directories by default. */
  mode?: number;
  /** Modification time in seconds since the epoch, as the image layer recorded it. */
  mtime: number;
}

/** A modelled container image. */
export interface ImageProgram {
  /** Normalized reference, e.g. `docker.io/library/nginx:1.27`. */
  ref: string;
  /** Extra tags that point at the same image (e.g. `:latest`). */
  aliases?: string[];
  /** Repo digest (`sha256:...`), as the registry reports it. */
  digest: string;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  /** Executable names found on $PATH inside the image. */
  binaries: string[];
  /** The user the image runs as; null name means a bare uid. */
  user?: { uid: number; name: string | null };
  /** The image config's Env (Dockerfile ENV lines), in order; PATH included when the image sets it. */
  env?: Readonly<Record<string, string>>;
  /** The image config's WorkingDir (Dockerfile WORKDIR) processes start in; `/` when unset. */
  workingDir?: string;
  /** Files, directories and symlinks the image ships, in the order they are created. */
  files?: readonly ImageFile[];
  /** The busybox release whose applets the image ships (`1.28.4`); absent when unknown or not busybox. */
  busyboxVersion?: string;
  /** What the image's own executables answer without starting a daemon (`nginx -v`, `busybox --help`). */
  tools?: ImageTools;
  /** Start the program; called once the container's namespaces exist. */
  start(ctx: ImageContext): void;
}
