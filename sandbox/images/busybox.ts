// busybox: runs its command through the modelled sh and applets; `sh` alone exits at EOF.
import { fakeSha256 } from "./ids.ts";
import { SHELL_COMMANDS, startApplet } from "./shell.ts";
import type { ImageTools } from "./tools.ts";
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

/** The busybox applets the model runs for `kubectl exec` (the shell's own included), as images list them. */
export const BUSYBOX_IMAGE_APPLETS = [
  // Busybox's shell is ash (also linked as sh); there is no bash in the image.
  ...SHELL_COMMANDS.filter((c) => c !== "bash"),
  ...["cat", "ls", "id", "whoami", "uname", "wget", "nc", "nslookup", "ping", "ip", "ifconfig", "route"],
  ...["tail", "chmod", "busybox"],
];

/** One busybox image of the registry: its version, build stamp, tags and size. */
export interface BusyboxTag {
  version: string;
  /** When the binary was built, as its banner shows it (`2024-09-26 21:31:42 UTC`). */
  built: string;
  tag: string;
  aliases: string[];
  sizeBytes: number;
}

// The applets as `busybox --list` names them, sorted once.
let appletList: string[] | undefined;
const applets = () => (appletList ??= [...new Set(BUSYBOX_IMAGE_APPLETS)].sort());

/** Answer `busybox`, `busybox --help` and `busybox --list` as the multi-call binary does. */
function busyboxTool(version: string): ImageTools {
  // Real busybox lists its ~400 applets; the model names the ones it runs.
  const help = () => `${busyboxBanner(version)}
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --show SCRIPT
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  Most people will create a
\tlink to busybox for each function they wish to use and BusyBox
\twill act like whatever name it's invoked as.

Currently defined functions:
\t${applets().join(", ")}
`;
  return {
    busybox: (args) => {
      if (args.length === 0 || args[0] === "--help") return { stdout: help(), stderr: "", exitCode: 0 };
      if (args[0] === "--list" && args.length === 1)
        return { stdout: `${applets().join("\n")}\n`, stderr: "", exitCode: 0 };
      return null;
    },
  };
}

const LATEST: BusyboxTag = {
  version: "1.37.0",
  built: "2024-09-26 21:31:42 UTC",
  tag: "1.37",
  aliases: [
    "latest",
    "1.37.0",
    "1",
    "unstable",
    "glibc",
    "1-glibc",
    "1.37-glibc",
    "1.37.0-glibc",
    "unstable-glibc",
  ],
  sizeBytes: 2_156_519,
};

// Older and other-libc tags; `stable` is 1.36.1 while 1.37.0 is busybox's unstable line (February 2025).
// Build stamps are plausible for each release, and sizes estimates near Docker Hub's compressed amd64 ones;
// 1.28 and 1.31 were uclibc builds on amd64, and 1.35 is taken as glibc (its default libc is not confirmed).
const TAGS: BusyboxTag[] = [
  {
    version: "1.28.4",
    built: "2018-05-22 17:00:17 UTC",
    tag: "1.28",
    aliases: ["1.28.4"],
    sizeBytes: 728_000,
  },
  {
    version: "1.31.1",
    built: "2019-12-23 19:37:34 UTC",
    tag: "1.31",
    aliases: ["1.31.1"],
    sizeBytes: 764_000,
  },
  {
    version: "1.35.0",
    built: "2021-12-26 16:24:07 UTC",
    tag: "1.35",
    aliases: ["1.35.0"],
    sizeBytes: 2_120_000,
  },
  {
    version: "1.36.1",
    built: "2023-05-18 22:34:17 UTC",
    tag: "1.36",
    aliases: ["1.36.1", "stable", "stable-glibc", "1.36-glibc", "1.36.1-glibc"],
    sizeBytes: 2_150_000,
  },
  {
    version: "1.36.1",
    built: "2023-05-18 22:34:17 UTC",
    tag: "1.36-musl",
    aliases: ["1.36.1-musl", "stable-musl"],
    sizeBytes: 920_000,
  },
  {
    version: "1.37.0",
    built: "2024-09-26 21:31:42 UTC",
    tag: "1.37-musl",
    aliases: ["1.37.0-musl", "musl", "1-musl", "unstable-musl"],
    sizeBytes: 925_000,
  },
];

/** The first line of a busybox build's usage and help texts (`BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.`). */
export function busyboxBanner(version?: string): string {
  // Other images' busybox (Alpine's) has its own build stamp, which the model does not know: it shows the default image's.
  const spec = TAGS.find((t) => t.version === version) ?? LATEST;
  return `BusyBox v${spec.version} (${spec.built}) multi-call binary.`;
}

/** Build the image program of one busybox tag. */
export function busyboxImage(spec: BusyboxTag): ImageProgram {
  const repo = "docker.io/library/busybox";
  const tools = busyboxTool(spec.version);
  return {
    ref: `${repo}:${spec.tag}`,
    aliases: spec.aliases.map((t) => `${repo}:${t}`),
    digest: fakeSha256(`digest:busybox:${spec.tag}`),
    sizeBytes: spec.sizeBytes,
    entrypoint: [],
    cmd: ["sh"],
    // The image config sets only PATH.
    env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    files: FILES,
    binaries: BUSYBOX_IMAGE_APPLETS,
    busyboxVersion: spec.version,
    tools,
    start(ctx) {
      startApplet(ctx, [...ctx.argv], tools);
    },
  };
}

/** The busybox image of the registry's `latest` tag (1.37.0, glibc). */
export const busybox = busyboxImage(LATEST);

/** The busybox images besides the default one. */
export const BUSYBOX_TAGS: readonly ImageProgram[] = TAGS.map(busyboxImage);
