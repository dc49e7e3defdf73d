// registry.k8s.io/e2e-test-images/agnhost:2.53, the Kubernetes e2e test image; the model's echo server.
// The subcommand comes from the command line (command or args): `serve-hostname` (:9376 answers the
// hostname), `netexec` (HTTP :8080 /hostname, /echo?msg=, /clientip, /healthz; UDP :8081), `liveness`
// (:8080 /healthz fails after 10 s), `pause` (the default). Log wording is the model's own.
import { SIG } from "../node/processes.ts";
import { byteLength, httpDate, httpResponse, parseHttpRequest } from "../util/http.ts";
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

/** Read an integer flag as cobra takes it: `--name=V` or `--name V`. */
function flag(args: readonly string[], name: string, fallback: number): number {
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith(`--${name}=`)) return Number(args[i].slice(name.length + 3));
    if (args[i] === `--${name}` && args[i + 1] !== undefined) return Number(args[i + 1]);
  }
  return fallback;
}

function netexec(ctx: ImageContext, args: readonly string[], pid: number): void {
  const port = flag(args, "http-port", 8080);
  const udpPort = flag(args, "udp-port", 8081);
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
  if (udpPort < 0) return;
  ctx.log(`Started UDP server on port ${udpPort}`, "stderr");
  // netexec's UDP server takes one-word commands: hostname, echo <text>, clientip.
  ctx.listen(
    udpPort,
    "udp",
    (payload, info) => {
      const [cmd, ...rest] = payload.trim().split(" ");
      if (cmd === "hostname") return ctx.hostname;
      if (cmd === "echo") return rest.join(" ");
      if (cmd === "clientip") return `${info.remoteIp}:40000`;
      return "";
    },
    pid,
  );
}

function liveness(ctx: ImageContext, pid: number): void {
  const started = ctx.now();
  ctx.listen(
    8080,
    "tcp",
    (raw, info) => {
      const req = parseHttpRequest(raw);
      if (!req) return "";
      const secs = (info.now - started) / 1000;
      if (req.path === "/started") return plain(info.now, `${secs}s`);
      if (req.path !== "/healthz") return plain(info.now, "404 page not found\n", 404);
      return secs > 10 ? plain(info.now, `error: ${secs}`, 500) : plain(info.now, "ok");
    },
    pid,
  );
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
    netexec(ctx, args, pid);
  } else if (sub === "liveness") {
    liveness(ctx, pid);
  } else if (sub === "pause") {
    ctx.log("Paused");
    // pause exits 1 on SIGINT and 2 on SIGTERM.
    ctx.onSignal(pid, (sig) => {
      const code = sig === SIG.INT ? 1 : sig === SIG.TERM ? 2 : 0;
      if (!code) return false;
      ctx.exitProcess(pid, code);
      return true;
    });
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
