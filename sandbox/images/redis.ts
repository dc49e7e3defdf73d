// redis: `redis-server *:6379`, its start-up banner, PING/ECHO over RESP on :6379; one image per version and base.
import { alpine, type BaseOs, baseBinaries, baseFiles, debian } from "./base-os.ts";
import { daemonImage } from "./daemon.ts";
import { fakeSha256 } from "./ids.ts";
import type { ImageTools } from "./tools.ts";
import type { ImageContext, ImageProgram } from "./types.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

// Redis before 7.2 logged its start-up at warning level (`#`) and said only "Ready to accept connections".
function banner(version: string): (ctx: ImageContext) => string[] {
  const old = /^(6|7\.[01])\./.test(version);
  const mark = old ? "#" : "*";
  return (ctx) => {
    const t = stamp(ctx.now());
    return [
      `1:C ${t} ${mark} oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${t} ${mark} Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${t} * monotonic clock: POSIX clock_gettime`,
      `1:M ${t} * Running mode=standalone, port=6379.`,
      `1:M ${t} ${mark} Server initialized`,
      `1:M ${t} * Ready to accept connections${old ? "" : " tcp"}`,
    ];
  };
}

function resp(payload: string): string {
  const words = payload.trim().split(/\s+/);
  const cmd = (words[0] ?? "").toUpperCase();
  if (cmd === "PING") return words[1] ? `$${words[1].length}\r\n${words[1]}\r\n` : "+PONG\r\n";
  if (cmd === "ECHO" && words[1]) return `$${words[1].length}\r\n${words[1]}\r\n`;
  return `-ERR unknown command '${words[0] ?? ""}', with args beginning with: \r\n`;
}

/** Answer `redis-server --version` (and `-v`) for one redis build. */
export function redisTools(version: string): ImageTools {
  // 6.2 bundles jemalloc 5.1.0, 7.0 5.2.1, 7.2 and later 5.3.0; the build id is derived, not a real one.
  const malloc = version.startsWith("6.") ? "5.1.0" : version.startsWith("7.0.") ? "5.2.1" : "5.3.0";
  const build = fakeSha256(`build:redis:${version}`).slice(7, 23);
  const line = `Redis server v=${version} sha=00000000:0 malloc=jemalloc-${malloc} bits=64 build=${build}\n`;
  return {
    "redis-server": (args) =>
      args.length === 1 && (args[0] === "--version" || args[0] === "-v")
        ? { stdout: line, stderr: "", exitCode: 0 }
        : null,
  };
}

/** One redis image of the registry. */
interface RedisTag {
  version: string;
  tag: string;
  aliases: string[];
  base: BaseOs;
  sizeBytes: number;
}

// The Dockerfiles' user: Debian's `useradd -r -u 999`, Alpine's `adduser -S -G redis -u 999` (gid 1000).
const REDIS_USER = {
  debian: "redis:x:999:999::/home/redis:/bin/sh",
  alpine: "redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin",
};
const LAYER_MTIME = 1737668530;

// One redis tag's image program (it runs as the image's redis user, uid 999, in its WORKDIR /data).
// Its Dockerfile ENV (GOSU_VERSION, REDIS_VERSION, REDIS_DOWNLOAD_URL/SHA) is not modelled: only PATH shows.
function redisImage(spec: RedisTag): ImageProgram {
  const repo = "docker.io/library/redis";
  const img = daemonImage({
    ref: `${repo}:${spec.tag}`,
    aliases: spec.aliases.map((t) => `${repo}:${t}`),
    sizeBytes: spec.sizeBytes,
    entrypoint: ["docker-entrypoint.sh"],
    cmd: ["redis-server"],
    daemons: ["docker-entrypoint.sh", "redis-server"],
    hasShell: true,
    user: { uid: 999, name: null },
    // The base plus the Dockerfile's redis user and its WORKDIR /data (mtimes plausible).
    files: () => [
      ...baseFiles(spec.base, [REDIS_USER[spec.base.id]], LAYER_MTIME),
      { path: "/data", mtime: LAYER_MTIME },
    ],
    threads: 5,
    rssKb: 11200,
    vszKb: 141300,
    title: () => ["redis-server *:6379"],
    startLogs: banner(spec.version),
    ports: [{ port: 6379, proto: "tcp", handler: resp }],
    tools: redisTools(spec.version),
  });
  // On Alpine the shell is busybox ash and there is no bash. Set in place, not spread: a spread would make
  // the files now.
  if (spec.base.id === "alpine")
    img.binaries = ["docker-entrypoint.sh", "redis-server", ...baseBinaries(spec.base)];
  img.workingDir = "/data";
  return img;
}

/** The redis image of the registry's `latest` tag (7.4.2 on Debian bookworm). */
export const redis = redisImage({
  version: "7.4.2",
  tag: "7.4",
  aliases: ["latest", "7.4.2", "7"],
  base: debian("12.9"),
  sizeBytes: 45_020_512,
});

// Frozen at February 2025 like the rest of the registry; bases are plausible for each build, sizes estimates
// near Docker Hub's compressed amd64 figures (rounded), not read from the registry.
const TAGS: RedisTag[] = [
  { version: "6.2.17", tag: "6.2", aliases: ["6", "6.2.17"], base: debian("12.9"), sizeBytes: 40_100_000 },
  { version: "7.0.15", tag: "7.0", aliases: ["7.0.15"], base: debian("12.4"), sizeBytes: 43_200_000 },
  { version: "7.2.7", tag: "7.2", aliases: ["7.2.7"], base: debian("12.9"), sizeBytes: 43_900_000 },
  {
    version: "6.2.17",
    tag: "6.2-alpine",
    aliases: ["6-alpine", "6.2.17-alpine"],
    base: alpine("3.21.3"),
    sizeBytes: 12_300_000,
  },
  {
    version: "7.2.7",
    tag: "7.2-alpine",
    aliases: ["7.2.7-alpine"],
    base: alpine("3.21.3"),
    sizeBytes: 16_100_000,
  },
  {
    version: "7.4.2",
    tag: "7.4-alpine",
    aliases: ["7.4.2-alpine", "7-alpine", "alpine"],
    base: alpine("3.21.3"),
    sizeBytes: 17_200_000,
  },
];

/** The redis images besides the default one. */
export const REDIS_TAGS: readonly ImageProgram[] = TAGS.map(redisImage);
