// httpd:2.4: Apache in the foreground, "It works!" on :80.
import { createRootfs } from "../node/container-rootfs.ts";
import { httpDate, httpResponse, parseHttpRequest } from "../util/http.ts";
import { debianFiles } from "./debian-files.ts";
import { htdocsFiles, serveHtdocs } from "./httpd-static.ts";
import { fakeSha256 } from "./ids.ts";
import { SHELL_COMMANDS, startApplet } from "./shell.ts";
import type { ImageContext, ImageProgram } from "./types.ts";

const FILES = [...debianFiles([], 0), ...htdocsFiles()];

function errorStamp(ms: number): string {
  const parts = new Date(ms).toUTCString().split(" ");
  const d = new Date(ms);
  const micros = `${String(d.getUTCMilliseconds()).padStart(3, "0")}000`;
  return `${parts[0].replace(",", "")} ${parts[2]} ${parts[1]} ${parts[4]}.${micros} ${parts[3]}`;
}

function startHttpd(ctx: ImageContext): void {
  // Without containerd's root filesystem (a program started alone) httpd gets a private copy of the image's.
  const fs = ctx.rootfs ?? createRootfs(ctx.now(), [], undefined, FILES);
  const master = ctx.spawn(["httpd", "-DFOREGROUND"], { rssKb: 4500, vszKb: 5800 });
  const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIp || "127.0.0.1"}. Set the 'ServerName' directive globally to suppress this message`;
  ctx.log(warn, "stderr");
  ctx.log(warn, "stderr");
  const t = errorStamp(ctx.now());
  ctx.log(
    `[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations`,
    "stderr",
  );
  ctx.log(`[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`, "stderr");
  for (let i = 0; i < 3; i++) {
    ctx.spawn(["httpd", "-DFOREGROUND"], {
      parent: master,
      uid: 33,
      user: "www-data",
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
        ["Server", "Apache/2.4.63 (Unix)"],
        ...res.headers,
      ];
      return httpResponse(res.status, headers, req.method === "HEAD" ? "" : res.body);
    },
    master,
  );
}

/** The httpd image. */
// Its Dockerfile ENV (HTTPD_PREFIX, PATH with /usr/local/apache2/bin, HTTPD_VERSION...) is not modelled.
export const httpd: ImageProgram = {
  ref: "docker.io/library/httpd:2.4",
  aliases: ["docker.io/library/httpd:latest", "docker.io/library/httpd:2.4.63"],
  digest: fakeSha256("digest:httpd:2.4"),
  sizeBytes: 58_012_214,
  entrypoint: [],
  cmd: ["httpd-foreground"],
  files: FILES,
  binaries: ["httpd-foreground", "httpd", ...SHELL_COMMANDS, "cat", "ls", "id", "whoami", "uname"],
  start(ctx) {
    const base = ctx.argv[0];
    if (base === "httpd-foreground" || base === "httpd") startHttpd(ctx);
    else startApplet(ctx, [...ctx.argv]);
  },
};
