// nginx (Debian or Alpine): entrypoint scripts, a master and two workers, the welcome page on :80.
import { createRootfs } from "../node/container-rootfs.ts";
import type { FileTree } from "../node/filesystem.ts";
import type { RequestInfo } from "../node/sockets.ts";
import { byteLength, httpDate, httpResponse, parseHttpRequest } from "../util/http.ts";
import { type BaseOs, baseBinaries, debian } from "./base-os.ts";
import { fakeSha256 } from "./ids.ts";
import { runEntrypoint } from "./nginx-entrypoint.ts";
import { nginxFiles } from "./nginx-files.ts";
import { serveStatic } from "./nginx-static.ts";
import { startApplet } from "./shell.ts";
import { type ImageTools, startImageTool } from "./tools.ts";
import type { ImageContext, ImageFile, ImageProgram } from "./types.ts";

const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** One nginx image of the registry: its version, tags, base layer and what its entrypoint does. */
export interface NginxTag {
  version: string;
  /** The tag the image is known by (`1.27`, `1.27-alpine`); its digest derives from it. */
  tag: string;
  /** Other tags pointing at the same image (`latest`, `1.27.4`, `mainline`). */
  aliases: string[];
  base: BaseOs;
  sizeBytes: number;
  /** `none` before 1.19 (no /docker-entrypoint.sh, notices not logged), `scripts` to 1.24, `resolvers` from 1.25. */
  entrypoint: "none" | "scripts" | "resolvers";
  /** The Dockerfile's ENV; defaults to PATH and NGINX_VERSION (older tags' NJS_* and PKG_RELEASE are not modelled). */
  env?: Readonly<Record<string, string>>;
}

/** What a started nginx needs from its image. */
interface NginxRun {
  version: string;
  gcc: string;
  entrypoint: NginxTag["entrypoint"];
  /** The image's files (made on first use). */
  files(): readonly ImageFile[];
}

/** The default index.html nginx serves (the image's /usr/share/nginx/html/index.html). */
export { NGINX_WELCOME } from "./nginx-files.ts";

// The text of the latest second asked for: containers starting in one second share it.
let logSecond = Number.NaN;
let logSecondText = "";

function logTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === logSecond) return logSecondText;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  logSecond = second;
  logSecondText = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return logSecondText;
}

// The notice lines of the latest log second: the nginx containers started in one second log the same
// texts, so they share one copy of each (a few dozen at most; reset when the second changes).
let noticeTime = "";
const noticeLines = new Map<string, string>();

function noticeLine(t: string, msg: string): string {
  if (t !== noticeTime) {
    noticeTime = t;
    noticeLines.clear();
  }
  let line = noticeLines.get(msg);
  if (line === undefined) {
    line = `${t} [notice] 1#1: ${msg}`;
    if (noticeLines.size < 64) noticeLines.set(msg, line);
  }
  return line;
}

function accessTime(ms: number): string {
  const [, day, mon, year, time] = new Date(ms).toUTCString().split(" ");
  return `${day}/${mon}/${year}:${time} +0000`;
}

function serve(ctx: ImageContext, fs: FileTree, version: string, raw: string, info: RequestInfo): string {
  const req = parseHttpRequest(raw);
  if (!req) return "";
  // The target as the request line carried it (query included), which is what $request logs.
  const target = raw.slice(req.method.length + 1, raw.indexOf(` ${req.version}`));
  const host = (req.headers.host ?? "localhost").replace(/:\d+$/, "");
  const res = serveStatic(fs, req.method, target, host, version);
  const sent = req.method === "HEAD" ? "" : res.body;
  const ua = req.headers["user-agent"] ?? "-";
  ctx.log(
    `${info.remoteIp} - - [${accessTime(info.now)}] "${req.method} ${target} ${req.version}" ${res.status} ${byteLength(sent)} "-" "${ua}" "-"`,
  );
  const headers: Array<[string, string]> = [
    ["Server", `nginx/${version}`],
    ["Date", httpDate(info.now)],
    ...res.headers,
  ];
  return httpResponse(res.status, headers, sent);
}

// Bind :80 before starting workers; when the port is taken nginx retries 5 times, 500 ms apart, then exits 1.
function bind(ctx: ImageContext, fs: FileTree, version: string, master: number, attempt = 0): boolean {
  try {
    ctx.listen(80, "tcp", (raw, info) => serve(ctx, fs, version, raw, info), master);
    return true;
  } catch {
    const t = logTime(ctx.now());
    for (const addr of ["0.0.0.0:80", "[::]:80"]) {
      ctx.log(`${t} [emerg] 1#1: bind() to ${addr} failed (98: Address already in use)`, "stderr");
      ctx.log(`nginx: [emerg] bind() to ${addr} failed (98: Address already in use)`, "stderr");
    }
    if (attempt < 4) ctx.schedule(500, () => void bind(ctx, fs, version, master, attempt + 1));
    else {
      ctx.log(`${t} [emerg] 1#1: still could not bind()`, "stderr");
      ctx.log("nginx: [emerg] still could not bind()", "stderr");
      ctx.exit(1);
    }
    return false;
  }
}

function startNginx(ctx: ImageContext, run: NginxRun, args: readonly string[]): void {
  const master = ctx.spawn(["nginx: master process", "nginx", ...args], {
    comm: "nginx",
    rssKb: 9600,
    vszKb: 11400,
  });
  // Without containerd's root filesystem (a program started alone) nginx gets a private copy of the image's.
  const fs = ctx.rootfs ?? createRootfs(ctx.now(), [], undefined, run.files());
  if (run.entrypoint !== "none")
    for (const line of runEntrypoint(fs, ctx.now(), run.entrypoint === "resolvers")) ctx.log(line);
  if (!bind(ctx, fs, run.version, master)) return;
  const t = logTime(ctx.now());
  // Before 1.19 the image's nginx.conf logged at warn: nginx wrote none of its start-up notices.
  const notice = (msg: string) => {
    if (run.entrypoint !== "none") ctx.log(noticeLine(t, msg), "stderr");
  };
  notice('using the "epoll" event method');
  notice(`nginx/${run.version}`);
  notice(`built by gcc ${run.gcc}`);
  notice("OS: Linux 5.15.0-131-generic");
  notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576");
  notice("start worker processes");
  // The workers run as the image's nginx user (uid 101), which the host's passwd does not know.
  for (let i = 0; i < 2; i++) {
    const w = ctx.spawn(["nginx: worker process"], {
      parent: master,
      comm: "nginx",
      uid: 101,
      user: null,
      rssKb: 2800,
      vszKb: 11900,
    });
    notice(`start worker process ${ctx.nsPidOf(w)}`);
  }
  ctx.onSignal(master, (sig) => {
    // SIGTERM/SIGINT is a fast shutdown, SIGQUIT a graceful one; both end with exit code 0.
    if (run.entrypoint !== "none")
      ctx.log(
        `${logTime(ctx.now())} [notice] 1#1: signal ${sig} (${sig === 3 ? "SIGQUIT" : sig === 2 ? "SIGINT" : "SIGTERM"}) received, exiting`,
        "stderr",
      );
    ctx.exit(0);
    return true;
  });
}

/** Answer `nginx -v`, `-V` and `-t` as the image's nginx binary does (it prints to stderr). */
function nginxTool(version: string, gcc: string): ImageTools {
  const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 0 });
  return {
    nginx: (args) => {
      if (args[0] === "-v" && args.length === 1) return err(`nginx version: nginx/${version}\n`);
      if (args[0] === "-V" && args.length === 1)
        return err(`nginx version: nginx/${version}\nbuilt by gcc ${gcc.trimEnd()}\n`);
      if (args[0] === "-t" && args.length === 1)
        return err(
          "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n",
        );
      return null;
    },
  };
}

/** Build the image program of one nginx tag. */
export function nginxImage(spec: NginxTag): ImageProgram {
  const repo = "docker.io/library/nginx";
  const notices = spec.entrypoint !== "none";
  // The catalog builds every tag at load and few ever run: their files are made when first asked for.
  let files: readonly ImageFile[] | undefined;
  const filesOf = () => (files ??= nginxFiles({ base: spec.base, notices }));
  const run: NginxRun = {
    version: spec.version,
    gcc: spec.base.gcc,
    entrypoint: spec.entrypoint,
    files: filesOf,
  };
  const tools = nginxTool(spec.version, spec.base.gcc);
  const entry = notices ? ["docker-entrypoint.sh"] : [];
  return {
    ref: `${repo}:${spec.tag}`,
    aliases: spec.aliases.map((t) => `${repo}:${t}`),
    digest: fakeSha256(`digest:nginx:${spec.tag}`),
    sizeBytes: spec.sizeBytes,
    entrypoint: notices ? ["/docker-entrypoint.sh"] : [],
    cmd: ["nginx", "-g", "daemon off;"],
    env: spec.env ?? { PATH, NGINX_VERSION: spec.version },
    get files() {
      return filesOf();
    },
    // The base's shell and tools, plus curl, which every nginx image installs; no ping, ip or nslookup on Debian.
    binaries: [...entry, "nginx", ...baseBinaries(spec.base), "curl"],
    tools,
    start(ctx) {
      const argv = ctx.argv[0] === "/docker-entrypoint.sh" ? ctx.argv.slice(1) : [...ctx.argv];
      if (argv[0] === "nginx" && !startImageTool(ctx, tools, argv)) startNginx(ctx, run, argv.slice(1));
      else if (argv[0] !== "nginx") startApplet(ctx, argv, tools);
    },
  };
}

const VERSION = "1.27.4";
const bookworm = (t: string) => (t ? `${t}-bookworm` : "bookworm");

/** The nginx image of the registry's `latest` tag (1.27.4 on Debian bookworm). */
export const nginx = nginxImage({
  version: VERSION,
  tag: "1.27",
  aliases: ["latest", "mainline", "1", VERSION, ...["1.27.4", "mainline", "1", "1.27", ""].map(bookworm)],
  base: debian("12.9", "12.2.0 (Debian 12.2.0-14) "),
  sizeBytes: 72_195_292,
  entrypoint: "resolvers",
  // The ENV lines of the official 1.27.4 Debian Dockerfile (njs 0.8.9, package releases 1~bookworm).
  env: {
    PATH,
    NGINX_VERSION: VERSION,
    NJS_VERSION: "0.8.9",
    NJS_RELEASE: "1~bookworm",
    PKG_RELEASE: "1~bookworm",
    DYNPKG_RELEASE: "1~bookworm",
  },
});
