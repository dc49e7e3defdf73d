// kubenotes/crash:1.0, a teaching image that is not on Docker Hub: it prints an error and exits 1
// after one second, so a pod using it lands in CrashLoopBackOff.
import { fakeSha256 } from "./ids.ts";
import type { ImageProgram } from "./types.ts";

/** The crashing image. */
export const crash: ImageProgram = {
  ref: "docker.io/kubenotes/crash:1.0",
  aliases: ["docker.io/kubenotes/crash:latest"],
  digest: fakeSha256("digest:kubenotes/crash:1.0"),
  sizeBytes: 1_843_200,
  entrypoint: ["/crash"],
  cmd: [],
  binaries: ["crash"],
  start(ctx) {
    ctx.spawn([...ctx.argv], { comm: "crash" });
    ctx.log("crash: starting", "stdout");
    ctx.schedule(1000, () => {
      ctx.log("crash: fatal: cannot open /etc/crash/config.yaml: no such file or directory", "stderr");
      ctx.exit(1);
    });
  },
};
