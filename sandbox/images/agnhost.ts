// registry.k8s.io/e2e-test-images/agnhost:2.53, the Kubernetes e2e test image; the model's echo server.
// Modelled subcommands: `serve-hostname` (:9376 answers the hostname), `netexec` (:8080 /hostname,
// /echo?msg=, /clientip, /healthz), `pause` (the default). Log wording is the model's own.
import { byteLength, httpDate, httpResponse, parseHttpRequest } from "./http.ts";
import { fakeSha256 } from "./ids.ts";
import type { ImageContext, ImageProgram } from "./types.ts";

function plain(now: number, body: string, status = 200): string {
  return httpResponse(
    status,
    [
      ["Date", httpDate(now)],
      ["Content-Length", String(byteLength(body))],
      ["Content-Type", "text/plain; charset=utf-8"],
    ],
    body,
  );
}

function flag(args: readonly string[], name: string, fallback: number): number {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split("=")[1]) : fallback;
}

function run(ctx: ImageContext, args: readonly string[]): void {
  const sub = args[0] ?? "pause";
  const pid = ctx.spawn(["/agnhost", ...args], { comm: "agnhost", threads: 6, rssKb: 21000, vszKb: 1240000 });
  if (sub === "serve-hostname") {
    const port = flag(args, "port", 9376);
    ctx.log(`Serving on port ${port}.`, "stderr");
    ctx.listen(
      port,
      "tcp",
      (raw, info) => (parseHttpRequest(raw) ? plain(info.now, ctx.hostname) : ctx.hostname),
      pid,
    );
  } else if (sub === "netexec") {
    const port = flag(args, "http-port", 8080);
    ctx.log(`Started HTTP server on port ${port}`, "stderr");
    ctx.listen(
      port,
      "tcp",
      (raw, info) => {
        const req = parseHttpRequest(raw);
        if (!req) return "";
        ctx.log(`GET ${req.path}`, "stderr");
        if (req.path === "/hostname" || req.path === "/hostName") return plain(info.now, ctx.hostname);
        // The model's UDP server is always up, so the server always reports itself ready.
        if (req.path === "/healthz")
          return httpResponse(
            200,
            [
              ["Date", httpDate(info.now)],
              ["Content-Length", "0"],
            ],
            "",
          );
        if (req.path === "/clientip") return plain(info.now, `${info.remoteIp}:40000`);
        if (req.path === "/echo") return plain(info.now, req.query.msg ?? "");
        if (req.path === "/") return plain(info.now, `NOW: ${new Date(info.now).toISOString()}`);
        return plain(info.now, "404 page not found\n", 404);
      },
      pid,
    );
  } else if (sub === "pause") {
    ctx.log("Paused", "stderr");
  } else {
    ctx.log(`Error: unknown command "${sub}" for "agnhost"`, "stderr");
    ctx.exit(1);
  }
}

/** The agnhost image. */
export const agnhost: ImageProgram = {
  ref: "registry.k8s.io/e2e-test-images/agnhost:2.53",
  digest: fakeSha256("digest:agnhost:2.53"),
  sizeBytes: 51_734_390,
  entrypoint: ["/agnhost"],
  cmd: ["pause"],
  binaries: ["agnhost"],
  start(ctx) {
    run(ctx, ctx.argv.slice(1));
  },
};
