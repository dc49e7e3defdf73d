// `tail -f FILE` as a container process: print the last lines, then stream what is appended to the
// container log until a signal (or the container's end) stops it.
import { SIG } from "../node/processes.ts";
import { followFile, parseTailFollow } from "../shell/tail-follow.ts";
import type { ImageContext } from "./types.ts";

// Whether tail keeps retrying a file that is missing (-F, --retry), instead of giving up.
function retries(argv: readonly string[]): boolean {
  return argv.some((a) => /^-[a-zA-Z0-9]*F/.test(a) || a === "--retry" || a === "--follow=name");
}

/**
 * Run `tail -f` as process `pid` when argv is one, calling done(status) when it ends; false when argv
 * does not follow a file.
 */
export function startTailFollow(
  ctx: ImageContext,
  pid: number,
  argv: readonly string[],
  done: (status: number) => void,
): boolean {
  const args = parseTailFollow(argv);
  if (!args) return false;
  const path = args.file.startsWith("/") ? args.file : `/${args.file}`;
  const read = (): string | null => {
    try {
      return ctx.rootfs ? ctx.rootfs.readFile(path) : null;
    } catch {
      return null;
    }
  };
  if (read() === null) {
    // Plain tail reports the missing file in the image's own wording and has nothing left to follow.
    const err = ctx.runScript?.("sh", `tail -n 0 '${args.file.replace(/'/g, "'\\''")}'`).stderr ?? "";
    if (err) ctx.log(err.replace(/\n$/, ""), "stderr");
    if (!retries(argv)) {
      ctx.log(err.includes("can't open") ? "tail: no files" : "tail: no files remaining", "stderr");
      done(1);
      return true;
    }
  }
  let ended = false;
  let stop = () => {};
  const end = (status: number) => {
    if (ended) return;
    ended = true;
    stop();
    done(status);
  };
  stop = followFile(
    {
      // SIGKILL gives no notice, so each poll first checks that the process is still there.
      read: () => {
        if (ctx.nsPidOf(pid) !== 0) return read();
        end(128 + SIG.KILL);
        return null;
      },
      emit: (line, stream) => {
        if (!ended) ctx.log(line, stream);
      },
      schedule: (ms, fn) => ctx.schedule(ms, fn),
    },
    args.lines,
  );
  ctx.onSignal(pid, (sig) => {
    // tail installs no handlers: as pid 1 of the container the kernel ignores what it does not handle.
    if (ctx.nsPidOf(pid) === 1) return false;
    ctx.exitProcess(pid, 128 + sig);
    end(128 + sig);
    return true;
  });
  return true;
}
