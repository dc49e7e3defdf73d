// The Service registry's side effects: cluster IP and NodePort allocation and release.
import type { KubeObject, Service } from "../../api/types.ts";
import type { Random } from "../../util/random.ts";
import { ClusterIPAllocator, NodePortAllocator } from "../allocators.ts";
import { invalid, invalidError } from "../errors.ts";

/** Allocates and releases the addresses and ports Services hold. */
export class ServiceRegistry {
  readonly ips: ClusterIPAllocator;
  readonly ports: NodePortAllocator;

  constructor(cidr: string, portRange: string, random: Random) {
    this.ips = new ClusterIPAllocator(cidr, random.fork("ip"));
    this.ports = new NodePortAllocator(portRange, random.fork("port"));
  }

  /** Assign clusterIP(s) and nodePorts to a new Service, or throw the real Invalid error. */
  allocate(obj: KubeObject, dryRun: boolean): void {
    const svc = obj as Service;
    const spec = svc.spec;
    const name = svc.metadata.name ?? "";
    const taken: Array<() => void> = [];
    const fail = (field: string, value: unknown, detail: string): never => {
      for (const undo of taken) undo();
      throw invalidError("Service", "", name, [invalid(field, value, detail)]);
    };
    if (spec.type === "ExternalName") return;
    const wanted = spec.clusterIP ?? spec.clusterIPs?.[0];
    if (wanted === "None") {
      spec.clusterIP = "None";
      spec.clusterIPs = ["None"];
    } else if (wanted) {
      if (!this.ips.contains(wanted)) {
        fail(
          "spec.clusterIPs",
          [wanted],
          `failed to allocate IP ${wanted}: the provided IP (${wanted}) is not in the valid range. The range of valid IPs is ${this.ips.cidr}`,
        );
      }
      if (!this.ips.allocate(wanted))
        fail(
          "spec.clusterIPs",
          [wanted],
          `failed to allocate IP ${wanted}: provided IP is already allocated`,
        );
      taken.push(() => this.ips.release(wanted));
      spec.clusterIP = wanted;
      spec.clusterIPs = [wanted];
    } else {
      const ip = this.ips.allocateNext();
      if (!ip) fail("spec.clusterIPs", [], "failed to allocate a serviceIP: range is full");
      taken.push(() => this.ips.release(ip!));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip!];
    }
    if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
      (spec.ports ?? []).forEach((p, i) => {
        if (p.nodePort) {
          if (!this.ports.contains(p.nodePort)) {
            fail(
              `spec.ports[${i}].nodePort`,
              p.nodePort,
              `provided port is not in the valid range. The range of valid ports is ${this.ports.range}`,
            );
          }
          if (!this.ports.allocate(p.nodePort))
            fail(`spec.ports[${i}].nodePort`, p.nodePort, "provided port is already allocated");
          const port = p.nodePort;
          taken.push(() => this.ports.release(port));
        } else {
          const port = this.ports.allocateNext();
          if (port === undefined) fail(`spec.ports[${i}].nodePort`, 0, "range is full");
          taken.push(() => this.ports.release(port!));
          p.nodePort = port;
        }
      });
    }
    if (dryRun) for (const undo of taken) undo();
  }

  /** Keep the allocated clusterIP and nodePorts when an update leaves them out, as the real registry does. */
  preserve(obj: KubeObject, old: KubeObject): void {
    const s = (obj as Service).spec;
    const o = (old as Service).spec;
    s.clusterIP ??= o.clusterIP;
    s.clusterIPs ??= o.clusterIPs;
    s.type ??= o.type;
    for (const p of s.ports ?? []) {
      const prev = (o.ports ?? []).find(
        (q) => q.port === p.port && (q.protocol ?? "TCP") === (p.protocol ?? "TCP"),
      );
      if (prev?.nodePort && !p.nodePort && (s.type === "NodePort" || s.type === "LoadBalancer"))
        p.nodePort = prev.nodePort;
    }
  }

  /** Release what a deleted Service held. */
  release(obj: KubeObject): void {
    const spec = (obj as Service).spec;
    for (const ip of spec.clusterIPs ?? []) if (ip !== "None") this.ips.release(ip);
    for (const p of spec.ports ?? []) if (p.nodePort) this.ports.release(p.nodePort);
  }
}
