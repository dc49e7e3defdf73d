// What a kubectl invocation can reach: the API server (as kubectl would over HTTPS), the local files and
// stdin of the machine it runs on, and, for logs and exec, the kubelet of the pod's node.
import type { ApiServer } from "../apiserver/server.ts";

/** Output of one command. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The kubelet-side operations `kubectl logs|exec` reach through the API server's proxy. */
export interface KubeletAccess {
  /** A container's log text, or an error message worded as the API server's. */
  logs(
    namespace: string,
    pod: string,
    container: string,
    opts: { previous?: boolean; tail?: number; timestamps?: boolean },
  ): { text: string } | { error: string };
  /** Run a command in a container; returns its output and exit code. */
  exec(namespace: string, pod: string, container: string, argv: string[], stdin?: string): CommandResult;
  /** End an attach: the container's main process reads end of input and exits with `code` (an attached shell). */
  closeStdin?(namespace: string, pod: string, container: string, code: number): void;
  /** Start a terminal's shell in a container (`exec -it POD -- sh`): its pid and first prompt, or the failure. */
  openShell?(
    namespace: string,
    pod: string,
    container: string,
    shell: string,
  ): { pid: number; prompt: string } | CommandResult;
  /** Type a line at a terminal's shell (`pid`, or the container's main process when absent). */
  shellLine?(
    namespace: string,
    pod: string,
    container: string,
    pid: number | undefined,
    line: string,
  ): ShellLine;
}

/** What a line typed at a container's shell gave: output, status, the next prompt, and whether the shell is gone. */
export interface ShellLine extends CommandResult {
  prompt: string;
  ended: boolean;
}

/** A shell kubectl left running in a container for the terminal to talk to (`exec -it POD -- sh`). */
export interface AttachedShell {
  namespace: string;
  pod: string;
  container: string;
  /** The shell to run each line with, as the exec named it (`sh`, `/bin/bash`). */
  shell: string;
  /** What the shell shows before each line; empty without a terminal (-t). */
  prompt: string;
  /** The shell's process when exec started one; absent when it is the container's main process (attach). */
  pid?: number;
  /** Runs when the shell exits with `code` (e.g. `kubectl run --rm` deleting its pod); its output follows. */
  onExit?(code: number): CommandResult;
}

/** Everything a kubectl command may use. */
export interface KubectlContext {
  api: ApiServer;
  kubelets: KubeletAccess;
  /** Text piped or here-documented into kubectl (`-f -`). */
  stdin: string;
  /** Read a file on the machine kubectl runs on; undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** Replace a file on that machine (kubeconfig edits); returns an error message on failure. */
  writeFile?(path: string, content: string): string | undefined;
  /** The environment kubectl runs with (`HOME`, `KUBECONFIG`); absent means HOME=/root only. */
  env?: Readonly<Record<string, string>>;
  /** Stream output as it is produced (watches, rollout status); text is also part of the result. */
  write(stream: "stdout" | "stderr", text: string): void;
  /** Advance virtual time until `done()` or `limitMs` passes (for --wait, rollout status, wait, -w). */
  waitUntil(done: () => boolean, limitMs: number): boolean;
  /** Uniform numbers in [0, 1) for kubectl's temporary names (`diff`'s LIVE-/MERGED- directories). */
  random?: () => number;
  /** Whether a person is at a terminal (interactive shell) rather than a script. */
  interactive: boolean;
  /** Whether kubectl's stdin is a terminal (for -t); defaults to `interactive`. */
  tty?: boolean;
  /** Hand the terminal to a shell in a container; absent where no terminal follows (cells' API, tests). */
  attach?(shell: AttachedShell): void;
}
