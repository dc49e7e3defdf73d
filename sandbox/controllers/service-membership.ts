// Which pods each Service selects, kept current from the pod and service informers so that the
// endpoints controllers never scan a namespace's pods per change.
import type { Pod, Service } from "../api/types.ts";
import { selectsMap } from "../apiserver/selectors.ts";
import { type InformerFactory, keyOf } from "../client/informer.ts";

/** The live `service key → selected pod keys` relation. */
export class ServiceMembership {
  private readonly members = new Map<string, Set<string>>();
  private readonly listeners: Array<(serviceKey: string) => void> = [];
  private readonly informers: InformerFactory;
  // The services with a non-empty selector, by namespace: a pod event in a namespace with none (only the
  // selector-less `kubernetes` service, say) has no service to check.
  private readonly selecting = new Map<string, Set<string>>();

  constructor(informers: InformerFactory) {
    this.informers = informers;
    informers.for<Service>("services").on({
      add: (s) => this.recompute(s),
      update: (_o, s) => this.recompute(s),
      delete: (s) => {
        this.selecting.get(s.metadata.namespace ?? "")?.delete(keyOf(s));
        this.members.delete(keyOf(s));
        this.notify(keyOf(s));
      },
    });
    informers.for<Pod>("pods").on({
      add: (p) => this.onPod(undefined, p),
      update: (o, p) => this.onPod(o, p),
      delete: (p) => this.onPod(p, undefined),
    });
  }

  /** Be told whenever a service's pods (or the pods themselves) change. */
  onChange(fn: (serviceKey: string) => void): void {
    this.listeners.push(fn);
  }

  /** The pods a service currently selects. */
  pods(serviceKey: string): Pod[] {
    const cache = this.informers.for<Pod>("pods");
    return [...(this.members.get(serviceKey) ?? [])].map((k) => cache.get(k)).filter((p): p is Pod => !!p);
  }

  private notify(key: string): void {
    for (const l of this.listeners) l(key);
  }

  private recompute(s: Service): void {
    this.noteSelector(s);
    const set = new Set<string>();
    if (s.spec.selector && Object.keys(s.spec.selector).length > 0) {
      for (const p of this.informers.for<Pod>("pods").list(s.metadata.namespace))
        if (selectsMap(s.spec.selector, p.metadata.labels)) set.add(keyOf(p));
    }
    this.members.set(keyOf(s), set);
    this.notify(keyOf(s));
  }

  // Keep `selecting` current for a service just added or changed.
  private noteSelector(s: Service): void {
    const ns = s.metadata.namespace ?? "";
    let keys = this.selecting.get(ns);
    if (hasKeys(s.spec.selector)) {
      if (!keys) {
        keys = new Set();
        this.selecting.set(ns, keys);
      }
      keys.add(keyOf(s));
    } else keys?.delete(keyOf(s));
  }

  private onPod(old: Pod | undefined, cur: Pod | undefined): void {
    const p = (cur ?? old)!;
    // No service of the namespace selects anything: none can gain or lose this pod.
    const ns = p.metadata.namespace;
    if (ns && !this.selecting.get(ns)?.size) return;
    const pk = keyOf(p);
    for (const s of this.informers.for<Service>("services").list(p.metadata.namespace)) {
      const sk = keyOf(s);
      const was = old ? selectsMap(s.spec.selector, old.metadata.labels) : false;
      const is = cur ? selectsMap(s.spec.selector, cur.metadata.labels) : false;
      if (!was && !is) continue;
      const set = this.members.get(sk) ?? new Set<string>();
      this.members.set(sk, set);
      if (is) set.add(pk);
      else set.delete(pk);
      this.notify(sk);
    }
  }
}

function hasKeys(m: Record<string, string> | undefined): boolean {
  for (const _ in m) return true;
  return false;
}

/** Resolve a service port's targetPort against a pod's container ports (named ports by name). */
export function resolveTargetPort(
  target: number | string | undefined,
  port: number,
  pod: Pod,
): number | undefined {
  if (target === undefined) return port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers)
    for (const cp of c.ports ?? []) if (cp.name === target) return cp.containerPort;
  return undefined;
}
