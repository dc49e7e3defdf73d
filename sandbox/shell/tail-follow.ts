// `tail -f FILE` as a long-running process: print the last lines, then poll the file once a second (as
// busybox and coreutils do without inotify) and print every complete line appended since.

/** What a follower needs: the file's current text (null while missing), an output, and virtual time. */
export interface FollowHost {
  read(): string | null;
  emit(line: string, stream: "stdout" | "stderr"): void;
  schedule(delayMs: number, fn: () => void): () => void;
}

/** A `tail -f` command line understood: the file and how many lines to show first. */
export interface TailFollowArgs {
  file: string;
  lines: number;
}

/** How often tail looks at the file again. */
export const FOLLOW_POLL_MS = 1000;

/** Recognize `tail -f FILE` (also -F, -n N, -nN, -N, combined -fn0); null when it does not follow one file. */
export function parseTailFollow(argv: readonly string[]): TailFollowArgs | null {
  if ((argv[0] ?? "").split("/").pop() !== "tail") return null;
  let follow = false;
  let lines = 10;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const m = /^-([fF]*)(?:n(\d*))?([fF]*)$/.exec(a);
    if (m && a !== "-") {
      if (m[1] || m[3]) follow = true;
      if (m[2] !== undefined) lines = Number(m[2] !== "" ? m[2] : (argv[++i] ?? "10"));
      continue;
    }
    if (/^-\d+$/.test(a)) lines = Number(a.slice(1));
    else if (a === "--follow") follow = true;
    else files.push(a);
  }
  return follow && files.length === 1 ? { file: files[0], lines } : null;
}

/** Start following; returns a function that stops it (the process was killed). */
export function followFile(host: FollowHost, lines: number): () => void {
  let stopped = false;
  let cancel = () => {};
  let seen = 0;
  let partial = "";
  const first = host.read();
  if (first !== null) {
    const all = first.split("\n");
    const complete = all.slice(0, -1);
    for (const l of complete.slice(lines === 0 ? complete.length : -lines)) host.emit(l, "stdout");
    partial = all[all.length - 1];
    seen = first.length;
  }
  const poll = () => {
    if (stopped) return;
    const text = host.read();
    if (text !== null && text.length < seen) {
      host.emit("tail: file truncated", "stderr");
      seen = 0;
      partial = "";
    }
    if (text !== null && text.length > seen) {
      const chunk = partial + text.slice(seen);
      seen = text.length;
      const parts = chunk.split("\n");
      partial = parts.pop() ?? "";
      for (const l of parts) host.emit(l, "stdout");
    }
    cancel = host.schedule(FOLLOW_POLL_MS, poll);
  };
  cancel = host.schedule(FOLLOW_POLL_MS, poll);
  return () => {
    stopped = true;
    cancel();
  };
}
