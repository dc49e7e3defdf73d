// The base layer under an image (Debian or Alpine): what /etc/os-release says and which shell and tools it has.
import { BUSYBOX_IMAGE_APPLETS } from "./busybox.ts";
import { debianFiles } from "./debian-files.ts";
import { SHELL_COMMANDS } from "./shell.ts";
import type { ImageFile } from "./types.ts";

/** The distribution release an image is built on. */
export interface BaseOs {
  id: "debian" | "alpine";
  /** Debian's point release (`12.9`, /etc/debian_version) or Alpine's (`3.21.3`, /etc/alpine-release). */
  release: string;
  /** The compiler nginx reports it was built by (its start-up notice), with the trailing space nginx logs. */
  gcc: string;
}

/** Name a Debian base by point release (`11.6`). */
export function debian(release: string, gcc = ""): BaseOs {
  return { id: "debian", release, gcc };
}

/** Name an Alpine base by point release (`3.21.3`). */
export function alpine(release: string, gcc = ""): BaseOs {
  return { id: "alpine", release, gcc };
}

// Alpine's /etc/passwd from its alpine-baselayout package (root's shell is busybox's /bin/sh).
const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

function alpineFiles(release: string, extraUsers: readonly string[], mtime: number): ImageFile[] {
  const minor = release.split(".").slice(0, 2).join(".");
  const osRelease = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${release}
PRETTY_NAME="Alpine Linux v${minor}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;
  return [
    { path: "/etc/os-release", content: osRelease, mtime },
    { path: "/etc/alpine-release", content: `${release}\n`, mtime },
    { path: "/etc/passwd", content: ALPINE_PASSWD + extraUsers.map((u) => `${u}\n`).join(""), mtime },
  ];
}

/** List the base layer's files, with passwd lines the image's own layer added (useradd/adduser). */
export function baseFiles(base: BaseOs, extraUsers: readonly string[], usersMtime: number): ImageFile[] {
  return base.id === "alpine"
    ? alpineFiles(base.release, extraUsers, usersMtime)
    : debianFiles(extraUsers, usersMtime, base.release);
}

// An Alpine base's userland is busybox (having wget is what marks one), plus its package manager.
const ALPINE_TOOLS = [...BUSYBOX_IMAGE_APPLETS, "apk"];
// A Debian base: bash and dash (sh), coreutils; no ping, ip, wget or nslookup.
const DEBIAN_TOOLS = [...SHELL_COMMANDS, "cat", "ls", "id", "whoami", "uname"];

/** List the executables the base layer puts on $PATH. */
export function baseBinaries(base: BaseOs): readonly string[] {
  return base.id === "alpine" ? ALPINE_TOOLS : DEBIAN_TOOLS;
}
