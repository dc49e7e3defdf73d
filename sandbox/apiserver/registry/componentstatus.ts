// The componentstatuses resource (pkg/registry/core/componentstatus): nothing is stored; each read probes
// the control plane from the API server's host, the scheduler and controller manager over HTTPS on
// 127.0.0.1 and etcd through the storage client, and reports one Healthy condition per component.
import type { ComponentStatus } from "../../api/types.ts";
import type { ProbeTransport } from "../../kubelet/probe-transport.ts";
import { dialErrorText, PROBE_USER_AGENT } from "../../kubelet/prober.ts";
import { unknownError } from "../errors.ts";

/** Connect from the API server's host to ip:port over TCP and send a payload. */
export type Dial = ProbeTransport["tcp"];

type Check = { status: "True" | "False" | "Unknown"; message: string; error?: string };

// The servers v1.32 validates, in the order the model lists them (Go collects them from goroutines, so
// the real order varies from one request to the next).
const HTTP_SERVERS: Array<[string, number]> = [
  ["scheduler", 10259],
  ["controller-manager", 10257],
];
const ETCD = { name: "etcd-0", host: "127.0.0.1", port: 2379 };

/** Serves componentstatuses once told how to reach the control plane's host. */
export class ComponentStatusRegistry {
  // Until the API server's host is on the network, every probe is refused.
  private dial: Dial = () => ({ ok: false, error: "refused" });

  /** Probe through the control-plane node's host network from now on. */
  connect(dial: Dial): void {
    this.dial = dial;
  }

  /** Probe every component. */
  list(): ComponentStatus[] {
    return [...HTTP_SERVERS.map(([name]) => name), ETCD.name].map((n) => this.get(n));
  }

  /** Probe one component; an unknown name is the registry's plain error (500). */
  get(name: string): ComponentStatus {
    const http = HTTP_SERVERS.find(([n]) => n === name);
    if (http) return status(name, this.httpCheck(http[1]));
    if (name === ETCD.name) return status(name, this.etcdCheck());
    throw unknownError(`Component not found: ${name}`);
  }

  // HttpServer.DoServerCheck: a failed connection is a probe Failure whose message is the client's error.
  private httpCheck(port: number): Check {
    const url = `https://127.0.0.1:${port}/healthz`;
    // httpprober.NewProbeRequest's headers; the client turns keep-alives off.
    const req = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: ${PROBE_USER_AGENT}\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
    const r = this.dial("127.0.0.1", port, req);
    if (!r.ok)
      return { status: "False", message: `Get "${url}": ${dialErrorText("127.0.0.1", port, r.error)}` };
    const code = Number(r.response.slice(9, 12));
    const body = r.response.slice(r.response.indexOf("\r\n\r\n") + 4);
    if (code >= 200 && code < 400) return { status: "True", message: body };
    return { status: "False", message: `HTTP probe failed with statuscode: ${code}` };
  }

  // EtcdServer.DoServerCheck: a read of the health key; a dead etcd fails it once the 20 s probe timeout ends.
  // Deviation: the model answers at once rather than after the timeout.
  private etcdCheck(): Check {
    if (this.dial(ETCD.host, ETCD.port, "").ok) return { status: "True", message: "ok" };
    return { status: "False", message: "", error: "error getting data from etcd: context deadline exceeded" };
  }
}

// The object the registry returns: no uid, version or creation time (Go writes creationTimestamp: null).
function status(name: string, c: Check): ComponentStatus {
  const condition = { type: "Healthy", status: c.status, ...(c.message ? { message: c.message } : {}) };
  return {
    apiVersion: "v1",
    kind: "ComponentStatus",
    metadata: { name, creationTimestamp: null },
    conditions: [c.error ? { ...condition, error: c.error } : condition],
  };
}
