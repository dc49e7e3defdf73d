// registry.k8s.io/pause:3.10, the sandbox container that holds a pod's namespaces.
import { fakeSha256 } from "./ids.ts";
import type { ImageProgram } from "./types.ts";

/** The pause image; it runs as uid 65535 and exits 0 on SIGINT or SIGTERM. */
export const pause: ImageProgram = {
  ref: "registry.k8s.io/pause:3.10",
  digest: fakeSha256("digest:pause:3.10"),
  sizeBytes: 320_368,
  entrypoint: ["/pause"],
  cmd: [],
  binaries: ["pause"],
  user: { uid: 65535, name: null },
  start(ctx) {
    const pid = ctx.spawn(["/pause"], { uid: 65535, user: null, stat: "Ss", rssKb: 512, vszKb: 996 });
    ctx.onSignal(pid, (sig) => {
      if (sig === 2 || sig === 15) {
        ctx.exit(0);
        return true;
      }
      return false;
    });
  },
};
