// Shared shapes for etcdctl's commands: the caller's context, a parsed invocation, and exits.
import type { Etcd } from "./store.ts";

/** What the caller gives etcdctl: virtual time, streaming output, a way to let time pass. */
export interface EtcdctlContext {
  now: number;
  write(stream: "stdout" | "stderr", text: string): void;
  /** Advance virtual time until done() or limitMs pass; returns done(). */
  waitUntil(done: () => boolean, limitMs: number): boolean;
  /** The shell's environment (ETCDCTL_API, ETCDCTL_ENDPOINTS, ETCDCTL_CACERT ...). */
  env?: Record<string, string>;
  /** The control plane's address and name (default 172.30.1.2, controlplane). */
  nodeIP?: string;
  nodeName?: string;
}

/** What a command run returns. */
export interface EtcdctlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** One parsed etcdctl command line. */
export interface Invocation {
  etcd: Etcd;
  ctx: EtcdctlContext;
  flags: Map<string, string | number | boolean>;
  args: string[];
  format: "simple" | "json" | "fields" | "table" | "protobuf";
  hex: boolean;
  endpoint: string;
}

// cobrautl exit codes.
export const EXIT_ERROR = 1;
export const EXIT_BAD_FEATURE = 4;
export const EXIT_BAD_ARGS = 128;

/** Exit as cobrautl.ExitWithError does: `Error: <msg>` on stderr. */
export function exitWithError(code: number, message: string, stdout = ""): EtcdctlResult {
  return { stdout, stderr: `Error: ${message}\n`, exitCode: code };
}

/** Succeed with the given stdout. */
export function ok(stdout: string, stderr = ""): EtcdctlResult {
  return { stdout, stderr, exitCode: 0 };
}

/** The error every printer but simple/json/fields gives for key-value responses. */
export function unsupportedFormat(format: string): EtcdctlResult {
  return exitWithError(EXIT_BAD_FEATURE, `${format} is not supported as output format`);
}
