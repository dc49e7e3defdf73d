// busybox:1.37: runs its command through the modelled sh and applets; `sh` alone exits at EOF.
import { fakeSha256 } from "./ids.ts";
import { SHELL_COMMANDS, startApplet } from "./shell.ts";
import type { ImageFile, ImageProgram } from "./types.ts";

// The image's build date (1.37.0, September 2024); the files' exact mtimes are not confirmed.
const MTIME = 1727386302;
// buildroot's skeleton passwd and group, which the busybox image ships; /etc/hostname, hosts and
// resolv.conf are not in the image: the kubelet mounts its own.
const FILES: ImageFile[] = [
  {
    path: "/etc/passwd",
    content: `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`,
    mtime: MTIME,
  },
  {
    path: "/etc/group",
    content: `${[
      "root:x:0:",
      "daemon:x:1:",
      "bin:x:2:",
      "sys:x:3:",
      "adm:x:4:",
      "tty:x:5:",
      "disk:x:6:",
      "lp:x:7:",
      "mail:x:8:",
      "kmem:x:9:",
      "wheel:x:10:root",
      "cdrom:x:11:",
      "dialout:x:18:",
      "floppy:x:19:",
      "video:x:28:",
      "audio:x:29:",
      "tape:x:32:",
      "www-data:x:33:",
      "operator:x:37:",
      "utmp:x:43:",
      "plugdev:x:46:",
      "staff:x:50:",
      "lock:x:54:",
      "netdev:x:82:",
      "users:x:100:",
      "nobody:x:65534:",
    ].join("\n")}\n`,
    mtime: MTIME,
  },
];

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
  files: FILES,
  // The busybox applets the model runs for `kubectl exec`, besides the shell's own.
  binaries: [
    // Busybox's shell is ash (also linked as sh); there is no bash in the image.
    ...SHELL_COMMANDS.filter((c) => c !== "bash"),
    ...["cat", "ls", "id", "whoami", "uname", "wget", "nc", "nslookup", "ping", "ip", "ifconfig", "route"],
    ...["tail", "chmod"],
  ],
  start(ctx) {
    startApplet(ctx, [...ctx.argv]);
  },
};
