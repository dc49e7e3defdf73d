// busybox:1.37: runs its command through the modelled sh and applets; `sh` alone exits at EOF.
import { fakeSha256 } from "./ids.ts";
import { SHELL_COMMANDS, startApplet } from "./shell.ts";
import type { ImageProgram } from "./types.ts";

/** The busybox image. */
export const busybox: ImageProgram = {
  ref: "docker.io/library/busybox:1.37",
  aliases: ["docker.io/library/busybox:latest", "docker.io/library/busybox:1.37.0"],
  digest: fakeSha256("digest:busybox:1.37"),
  sizeBytes: 2_156_519,
  entrypoint: [],
  cmd: ["sh"],
  // The image config sets only PATH.
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
  // The busybox applets the model runs for `kubectl exec`, besides the shell's own.
  binaries: [
    ...SHELL_COMMANDS,
    ...["cat", "ls", "id", "whoami", "uname", "wget", "nc", "nslookup", "ping", "ip", "ifconfig", "route"],
  ],
  start(ctx) {
    startApplet(ctx, [...ctx.argv]);
  },
};
