// The environment the kubelet hands the runtime for one container (makeEnvironmentVariables): the
// container's own env, with $(VAR) references and fieldRefs resolved, then the Docker-link variables of
// every Service the pod can see at that moment (FromServices in pkg/kubelet/envvars).
import type { Container, EnvVar, Pod, Service } from "../api/types.ts";
import { podField } from "./field-path.ts";

/** Facts only the kubelet knows when the container starts. */
export interface EnvFacts {
  podIP: string;
  hostIP: string;
}

/** Turn a Service or port name into an env prefix: `my-svc` → `MY_SVC`. */
export function envVarName(name: string): string {
  return name.toUpperCase().replace(/-/g, "_");
}

/** Keep the Services whose variables a pod gets: `kubernetes` in default always, its namespace's with links on. */
export function visibleServices(services: readonly Service[], namespace: string, links: boolean): Service[] {
  const byName = new Map<string, Service>();
  for (const s of services) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === "None") continue;
    const ns = s.metadata.namespace ?? "default";
    const name = s.metadata.name!;
    if (ns === "default" && name === "kubernetes") {
      if (!byName.has(name)) byName.set(name, s);
    } else if (ns === namespace && links) byName.set(name, s);
  }
  // The kubelet collects these in a Go map, so the real order varies; the model sorts by name.
  return [...byName.values()].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

/** The variables of each Service, in FromServices order: host, port, named ports, then the link family. */
export function serviceEnv(services: readonly Service[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const s of services) {
    const vars = varsOf(s);
    for (let i = 0; i < vars.length; i++) out.push(vars[i]);
  }
  return out;
}

// Every container start reads the same few Services: each one's variables are worked out once per spec
// (specs are never changed in place); the name is checked too, in case two Services share a spec object.
const varsBySpec = new WeakMap<Service["spec"], { name: string; vars: ReadonlyArray<[string, string]> }>();

function varsOf(s: Service): ReadonlyArray<[string, string]> {
  const name = s.metadata.name!;
  const known = varsBySpec.get(s.spec);
  if (known && known.name === name) return known.vars;
  const vars = computeVars(s);
  varsBySpec.set(s.spec, { name, vars });
  return vars;
}

function computeVars(s: Service): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const ports = s.spec.ports ?? [];
  if (!ports.length) return out;
  const prefix = envVarName(s.metadata.name!);
  const ip = s.spec.clusterIP!;
  out.push([`${prefix}_SERVICE_HOST`, ip]);
  out.push([`${prefix}_SERVICE_PORT`, String(ports[0].port)]);
  for (const p of ports)
    if (p.name) out.push([`${prefix}_SERVICE_PORT_${envVarName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? "TCP").toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

/** Expand `$(VAR)` in a container's command or args from its resolved environment, as the kubelet does. */
export function expandCommand(
  words: readonly string[] | undefined,
  env: readonly EnvVar[],
): string[] | undefined {
  if (!words) return undefined;
  // Most commands hold no `$` at all: nothing to expand, and no variable map to build.
  let vars: Map<string, string> | undefined;
  const lookup = (n: string) => {
    if (!vars) {
      vars = new Map();
      for (const e of env) vars.set(e.name, e.value ?? "");
    }
    return vars.get(n);
  };
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    out[i] = w.includes("$") ? expand(w, lookup) : w;
  }
  return out;
}

// $(VAR) expands to a variable defined earlier or a Service variable, $$ escapes, unknown names stay as written.
function expand(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) =>
    name === undefined ? "$" : (lookup(name) ?? m),
  );
}

function fieldValue(pod: Pod, path: string, facts: EnvFacts): string {
  switch (path) {
    case "status.podIP":
    case "status.podIPs":
      return facts.podIP;
    case "status.hostIP":
    case "status.hostIPs":
      return facts.hostIP;
    default:
      return podField(pod, path) ?? "";
  }
}

// The Services seen by the last container start and the variables they gave: the containers started in
// one burst see the same stored Service objects (never changed in place, so identity is enough). Safe
// between clusters: the entry depends on its inputs alone.
let lastServices: readonly Service[] = [];
let lastNamespace = "";
let lastLinks = true;
let lastVars: ReadonlyArray<[string, string]> = [];
let lastVarsOnly: EnvVar[] | undefined;

function serviceVars(
  services: readonly Service[],
  namespace: string,
  links: boolean,
): ReadonlyArray<[string, string]> {
  if (namespace === lastNamespace && links === lastLinks && sameItems(services, lastServices))
    return lastVars;
  lastVars = serviceEnv(visibleServices(services, namespace, links));
  lastServices = services.slice();
  lastNamespace = namespace;
  lastLinks = links;
  lastVarsOnly = undefined;
  return lastVars;
}

function sameItems(a: readonly Service[], b: readonly Service[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// The environment of a container without env of its own, frozen: every caller only reads it.
function servicesOnly(svc: ReadonlyArray<[string, string]>): EnvVar[] {
  if (svc === lastVars && lastVarsOnly !== undefined) return lastVarsOnly;
  const out: EnvVar[] = [];
  for (let i = 0; i < svc.length; i++) out.push(Object.freeze({ name: svc[i][0], value: svc[i][1] }));
  Object.freeze(out);
  if (svc === lastVars) lastVarsOnly = out;
  return out;
}

/** Build a container's environment: its env in spec order, then the Service variables it does not override. */
export function containerEnv(
  pod: Pod,
  container: Container,
  services: readonly Service[],
  facts: EnvFacts,
): EnvVar[] {
  const links = pod.spec.enableServiceLinks ?? true;
  const svc = serviceVars(services, pod.metadata.namespace ?? "default", links);
  // A container without env of its own gets the Service variables alone: one shared list per set of them.
  if (!container.env?.length) return servicesOnly(svc);
  // Only a value with a `$(...)` reference reads the Service variables by name.
  let svcMap: Map<string, string> | undefined;
  const own = new Map<string, string>();
  const lookup = (n: string) => {
    const mine = own.get(n);
    if (mine !== undefined) return mine;
    svcMap ??= new Map(svc);
    return svcMap.get(n);
  };
  for (const e of container.env ?? []) {
    const ref = (e.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined)?.fieldRef?.fieldPath;
    const value = e.value
      ? e.value.includes("$")
        ? expand(e.value, lookup)
        : e.value
      : ref
        ? fieldValue(pod, ref, facts)
        : "";
    own.set(e.name, value);
  }
  // The real kubelet also iterates Go maps here, so its order varies run to run; the model keeps spec order.
  const out: EnvVar[] = [];
  for (const [name, value] of own) out.push({ name, value });
  for (const [name, value] of svc) if (!own.has(name)) out.push({ name, value });
  return out;
}
