// httpd:2.4: Apache in the foreground, "It works!" on :80 (Debian, or Alpine for the -alpine tags).
import { createRootfs } from "../node/container-rootfs.ts";
import { httpDate, httpResponse, parseHttpRequest } from "../util/http.ts";
import { alpine, type BaseOs, baseBinaries, baseFiles, debian } from "./base-os.ts";
import { htdocsFiles, serveHtdocs } from "./httpd-static.ts";
import { fakeSha256 } from "./ids.ts";
import { startApplet } from "./shell.ts";
import { type ImageTools, startImageTool } from "./tools.ts";
import type { ImageContext, ImageFile, ImageProgram } from "./types.ts";

/** One httpd image of the registry. */
interface HttpdTag {
  version: string;
  /** When the binary was built, as `httpd -v` shows it. */
  built: string;
  tag: string;
  aliases: string[];
  base: BaseOs;
  sizeBytes: number;
}

// The workers' user: Debian's www-data is uid 33, Alpine's (from the image's adduser) uid 82.
const WORKER = { debian: { uid: 33, user: "www-data" }, alpine: { uid: 82, user: "www-data" } };

function errorStamp(ms: number): string {
  const parts = new Date(ms).toUTCString().split(" ");
  const d = new Date(ms);
  const micros = `${String(d.getUTCMilliseconds()).padStart(3, "0")}000`;
  return `${parts[0].replace(",", "")} ${parts[2]} ${parts[1]} ${parts[4]}.${micros} ${parts[3]}`;
}

function startHttpd(ctx: ImageContext, spec: HttpdTag, files: readonly ImageFile[]): void {
  // Without containerd's root filesystem (a program started alone) httpd gets a private copy of the image's.
  const fs = ctx.rootfs ?? createRootfs(ctx.now(), [], undefined, files);
  const server = `Apache/${spec.version} (Unix)`;
  const master = ctx.spawn(["httpd", "-DFOREGROUND"], { rssKb: 4500, vszKb: 5800 });
  const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIp || "127.0.0.1"}. Set the 'ServerName' directive globally to suppress this message`;
  ctx.log(warn, "stderr");
  ctx.log(warn, "stderr");
  const t = errorStamp(ctx.now());
  ctx.log(
    `[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: ${server} configured -- resuming normal operations`,
    "stderr",
  );
  ctx.log(`[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`, "stderr");
  for (let i = 0; i < 3; i++) {
    ctx.spawn(["httpd", "-DFOREGROUND"], {
      parent: master,
      ...WORKER[spec.base.id],
      threads: 27,
      rssKb: 3700,
      vszKb: 1998000,
    });
  }
  ctx.listen(
    80,
    "tcp",
    (raw, info) => {
      const req = parseHttpRequest(raw);
      if (!req) return "";
      const host = (req.headers.host ?? ctx.podIp).replace(/:\d+$/, "");
      const res = serveHtdocs(fs, req.path, host);
      const headers: Array<[string, string]> = [
        ["Date", httpDate(info.now)],
        ["Server", server],
        ...res.headers,
      ];
      return httpResponse(res.status, headers, req.method === "HEAD" ? "" : res.body);
    },
    master,
  );
}

/** Answer `httpd -v` as Apache does. */
function httpdTools(spec: HttpdTag): ImageTools {
  const out = `Server version: Apache/${spec.version} (Unix)\nServer built:   ${spec.built}\n`;
  return {
    httpd: (args) =>
      args.length === 1 && args[0] === "-v" ? { stdout: out, stderr: "", exitCode: 0 } : null,
  };
}

// One httpd tag's image program. Its Dockerfile ENV (HTTPD_PREFIX, PATH with /usr/local/apache2/bin,
// HTTPD_VERSION...) is not modelled.
function httpdImage(spec: HttpdTag): ImageProgram {
  const repo = "docker.io/library/httpd";
  // Alpine's www-data comes from the image's own adduser; Debian's is in base-passwd already.
  const users =
    spec.base.id === "alpine" ? ["www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin"] : [];
  // Made when first asked for: the catalog builds every tag at load and few ever run.
  let files: readonly ImageFile[] | undefined;
  const filesOf = () => (files ??= [...baseFiles(spec.base, users, 0), ...htdocsFiles()]);
  const tools = httpdTools(spec);
  return {
    ref: `${repo}:${spec.tag}`,
    aliases: spec.aliases.map((t) => `${repo}:${t}`),
    digest: fakeSha256(`digest:httpd:${spec.tag}`),
    sizeBytes: spec.sizeBytes,
    entrypoint: [],
    cmd: ["httpd-foreground"],
    get files() {
      return filesOf();
    },
    binaries: ["httpd-foreground", "httpd", ...baseBinaries(spec.base)],
    tools,
    start(ctx) {
      const base = ctx.argv[0];
      if (startImageTool(ctx, tools, ctx.argv)) return;
      if (base === "httpd-foreground" || base === "httpd") startHttpd(ctx, spec, filesOf());
      else startApplet(ctx, [...ctx.argv], tools);
    },
  };
}

/** The httpd image of the registry's `latest` tag (2.4.63 on Debian bookworm). */
export const httpd = httpdImage({
  version: "2.4.63",
  built: "Jan 23 2025 21:30:05",
  tag: "2.4",
  aliases: ["latest", "2.4.63", "2"],
  base: debian("12.9"),
  sizeBytes: 58_012_214,
});

/** The httpd images besides the default one. */
export const HTTPD_TAGS: readonly ImageProgram[] = [
  // The size is an estimate near Docker Hub's compressed amd64 figure, not read from the registry.
  httpdImage({
    version: "2.4.63",
    built: "Jan 23 2025 21:31:16",
    tag: "2.4-alpine",
    aliases: ["2.4.63-alpine", "2-alpine", "alpine"],
    base: alpine("3.21.3"),
    sizeBytes: 21_900_000,
  }),
];
