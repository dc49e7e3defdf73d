// redis:7.4: `redis-server *:6379`, its start-up banner, PING/ECHO over RESP on :6379.
import { daemonImage } from "./daemon.ts";
import { debianFiles } from "./debian-files.ts";
import type { ImageContext, ImageProgram } from "./types.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

function banner(ctx: ImageContext): string[] {
  const t = stamp(ctx.now());
  return [
    `1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${t} * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${t} * monotonic clock: POSIX clock_gettime`,
    `1:M ${t} * Running mode=standalone, port=6379.`,
    `1:M ${t} * Server initialized`,
    `1:M ${t} * Ready to accept connections tcp`,
  ];
}

function resp(payload: string): string {
  const words = payload.trim().split(/\s+/);
  const cmd = (words[0] ?? "").toUpperCase();
  if (cmd === "PING") return words[1] ? `$${words[1].length}\r\n${words[1]}\r\n` : "+PONG\r\n";
  if (cmd === "ECHO" && words[1]) return `$${words[1].length}\r\n${words[1]}\r\n`;
  return `-ERR unknown command '${words[0] ?? ""}', with args beginning with: \r\n`;
}

/** The redis image (runs as the image's redis user, uid 999). */
// Its Dockerfile ENV (GOSU_VERSION, REDIS_VERSION, REDIS_DOWNLOAD_URL/SHA) is not modelled: only PATH shows.
export const redis: ImageProgram = {
  ...daemonImage({
    ref: "docker.io/library/redis:7.4",
    aliases: ["docker.io/library/redis:latest", "docker.io/library/redis:7.4.2"],
    sizeBytes: 45_020_512,
    entrypoint: ["docker-entrypoint.sh"],
    cmd: ["redis-server"],
    daemons: ["docker-entrypoint.sh", "redis-server"],
    hasShell: true,
    user: { uid: 999, name: null },
    // Debian bookworm plus the Dockerfile's `useradd -r -u 999 redis` and its WORKDIR /data (mtimes plausible).
    files: [
      ...debianFiles(["redis:x:999:999::/home/redis:/bin/sh"], 1737668530),
      { path: "/data", mtime: 1737668530 },
    ],
    threads: 5,
    rssKb: 11200,
    vszKb: 141300,
    title: () => ["redis-server *:6379"],
    startLogs: banner,
    ports: [{ port: 6379, proto: "tcp", handler: resp }],
  }),
  workingDir: "/data",
};
