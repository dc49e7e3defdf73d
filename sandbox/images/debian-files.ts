// The few files of a debian:*-slim base layer that a reader looks at: os-release and passwd.
import type { ImageFile } from "./types.ts";

// base-files 12.4+deb12u9 (Debian 12.9); the mtime is plausible for that package, not read from an image.
const BASE_MTIME = 1735510911;

const CODENAMES: Record<string, string> = {
  "9": "stretch",
  "10": "buster",
  "11": "bullseye",
  "12": "bookworm",
};

function osRelease(major: string): string {
  const name = CODENAMES[major];
  return `PRETTY_NAME="Debian GNU/Linux ${major} (${name})"
NAME="Debian GNU/Linux"
VERSION_ID="${major}"
VERSION="${major} (${name})"
VERSION_CODENAME=${name}
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
}

const OS_RELEASE = osRelease("12");

// base-passwd 3.6.1 as bookworm ships it (_apt moved to uid 42 in bookworm).
const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

// Before bookworm base-passwd still had gnats, and _apt was a dynamic uid (100) added after nobody.
const PASSWD_OLD = PASSWD.replace(
  "/run/ircd:/usr/sbin/nologin\n",
  "/run/ircd:/usr/sbin/nologin\ngnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin\n",
)
  .replace("_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n", "")
  .concat("_apt:x:100:65534::/nonexistent:/usr/sbin/nologin\n");

/** List a Debian base layer's files (bookworm 12.9 unless told), with passwd lines the image's layer added. */
export function debianFiles(
  extraUsers: readonly string[],
  usersMtime: number,
  release = "12.9",
): ImageFile[] {
  // Older releases reuse bookworm's base-files mtime: plausible, not read from those images.
  const major = release.split(".")[0];
  return [
    // Debian makes /etc/os-release a relative symlink into /usr/lib.
    {
      path: "/usr/lib/os-release",
      content: major === "12" ? OS_RELEASE : osRelease(major),
      mtime: BASE_MTIME,
    },
    { path: "/etc/os-release", link: "../usr/lib/os-release", mtime: BASE_MTIME },
    { path: "/etc/debian_version", content: `${release}\n`, mtime: BASE_MTIME },
    {
      path: "/etc/passwd",
      content: (major === "12" ? PASSWD : PASSWD_OLD) + extraUsers.map((u) => `${u}\n`).join(""),
      mtime: extraUsers.length > 0 ? usersMtime : BASE_MTIME,
    },
  ];
}
