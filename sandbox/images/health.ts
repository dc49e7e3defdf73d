// Health endpoints of the system components (/livez, /readyz, /healthz, CoreDNS /health and /ready),
// which the kubelet's probes and curl reach; other paths fall through to the port's usual handler.
import type { RequestInfo, SocketHandler } from "../node/sockets.ts";
import { byteLength, httpDate } from "../util/http.ts";

const refuse: SocketHandler = () => "";

/** Answer GET on the given paths with 200 and their body (text/plain), else use `rest`. */
export function healthEndpoints(paths: Record<string, string>, rest: SocketHandler = refuse): SocketHandler {
  // Probed every second on the control plane, so the answer is built from pieces made once.
  const tails = new Map(
    Object.entries(paths).map(([p, body]) => [p, `Content-Length: ${byteLength(body)}\r\n\r\n${body}`]),
  );
  return (raw: string, info: RequestInfo) => {
    const m = /^GET ([^ ?]+)\S* HTTP\/1\.[01]\r?\n/.exec(raw);
    const tail = m ? tails.get(m[1]) : undefined;
    if (tail === undefined) return rest(raw, info);
    // Go's server writes the handler's headers sorted, then Date and Content-Length.
    return `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nDate: ${httpDate(info.now)}\r\n${tail}`;
  };
}

/** The Kubernetes components' always-allowed health paths, each answering `ok`. */
export const K8S_HEALTH = { "/healthz": "ok", "/livez": "ok", "/readyz": "ok" };
