// httpd:2.4: Apache in the foreground, "It works!" on :80.
import { byteLength, httpDate, httpResponse, parseHttpRequest } from "./http.ts";
import { fakeSha256 } from "./ids.ts";
import { SHELL_COMMANDS, startApplet } from "./shell.ts";
import type { ImageContext, ImageProgram } from "./types.ts";

const PAGE = "<html><body><h1>It works!</h1></body></html>\n";

function errorStamp(ms: number): string {
  const parts = new Date(ms).toUTCString().split(" ");
  const d = new Date(ms);
  const micros = `${String(d.getUTCMilliseconds()).padStart(3, "0")}000`;
  return `${parts[0].replace(",", "")} ${parts[2]} ${parts[1]} ${parts[4]}.${micros} ${parts[3]}`;
}

function startHttpd(ctx: ImageContext): void {
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
      const found = req.path === "/" || req.path === "/index.html";
      const body = found
        ? PAGE
        : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
      return httpResponse(
        found ? 200 : 404,
        [
          ["Date", httpDate(info.now)],
          ["Server", "Apache/2.4.63 (Unix)"],
          ...(found
            ? ([
                ["Last-Modified", "Mon, 11 Jun 2007 18:53:14 GMT"],
                ["ETag", '"2d-432a5e4a73a80"'],
                ["Accept-Ranges", "bytes"],
              ] as Array<[string, string]>)
            : []),
          ["Content-Length", String(byteLength(body))],
          ["Content-Type", found ? "text/html" : "text/html; charset=iso-8859-1"],
        ],
        body,
      );
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
  binaries: ["httpd-foreground", "httpd", ...SHELL_COMMANDS, "cat", "ls", "id", "whoami", "uname"],
  start(ctx) {
    const base = ctx.argv[0];
    if (base === "httpd-foreground" || base === "httpd") startHttpd(ctx);
    else startApplet(ctx, [...ctx.argv]);
  },
};
