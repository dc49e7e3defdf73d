// The kube-apiserver container's secure port, wired to the API server the cluster runs: requests that
// carry a token, or ask for a resource, are authenticated and authorized there (apiserver/https.ts).
import { serveHttps } from "../apiserver/https.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { flagValue } from "../images/daemon.ts";
import type { ImageContext } from "../images/types.ts";
import type { DaemonHookInfo } from "../node/cri-types.ts";
import type { SocketTable } from "../node/sockets.ts";

/** The daemon hook for kube-apiserver: wrap its secure port's handler; returns the cleanup. */
export function apiserverHttpsHook(api: ApiServer, sockets: SocketTable) {
  return (ctx: ImageContext, info: DaemonHookInfo): (() => void) | undefined => {
    const port = Number(flagValue(ctx.argv, "secure-port") ?? 6443);
    const l = sockets.lookup(info.net, "tcp", port);
    if (!l) return undefined;
    const own = l.handler;
    l.handler = (payload, req) => serveHttps(api, payload, req.now) ?? own(payload, req);
    return () => {
      l.handler = own;
    };
  };
}
