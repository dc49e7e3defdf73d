// Container-level defaults (SetDefaults_Container, _ContainerPort, _Probe, _HTTPGetAction, env fieldRef).
import { isObj, type Obj, objects, setDefault } from "./shape.ts";

const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

// Every pod of a workload names the same image: remember each answer (a pure function of the text).
const policies = new Map<string, "Always" | "IfNotPresent">();

/** The pull policy an image gets: Always for `:latest` or no tag and no digest, else IfNotPresent. */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  let policy = policies.get(image);
  if (policy === undefined) {
    policy = pullPolicyOf(image);
    if (policies.size >= 1024) policies.clear();
    policies.set(image, policy);
  }
  return policy;
}

function pullPolicyOf(image: string): "Always" | "IfNotPresent" {
  const at = image.indexOf("@");
  const named = at >= 0 ? image.slice(0, at) : image;
  const slash = named.lastIndexOf("/");
  const colon = named.lastIndexOf(":");
  const hasTag = colon > slash;
  const tag = hasTag ? named.slice(colon + 1) : "";
  const repo = hasTag ? named.slice(0, colon) : named;
  const parts = repo.split("/");
  // A first component with a dot, a colon or "localhost" is a registry host, which may hold capitals.
  const host = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost");
  const path = host ? parts.slice(1) : parts;
  // An unparsable reference leaves the tag empty, which gives IfNotPresent.
  if (!image || !path.every((p) => PATH_COMPONENT.test(p)) || (hasTag && !TAG.test(tag)))
    return "IfNotPresent";
  if (at >= 0 && !hasTag) return "IfNotPresent";
  return !hasTag || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  setDefault(p, "timeoutSeconds", 1);
  setDefault(p, "periodSeconds", 10);
  setDefault(p, "successThreshold", 1);
  setDefault(p, "failureThreshold", 3);
  if (isObj(p.httpGet)) {
    setDefault(p.httpGet, "path", "/");
    setDefault(p.httpGet, "scheme", "HTTP");
  }
}

/** Fill in a container's defaults. */
export function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === "string" ? c.image : "");
  setDefault(c, "terminationMessagePath", "/dev/termination-log");
  setDefault(c, "terminationMessagePolicy", "File");
  // An empty ResourceRequirements struct serializes as `resources: {}`.
  if (!isObj(c.resources)) c.resources = {};
  for (const p of objects(c.ports)) setDefault(p, "protocol", "TCP");
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  for (const e of objects(c.env)) {
    const ref = isObj(e.valueFrom) ? e.valueFrom.fieldRef : undefined;
    if (isObj(ref)) setDefault(ref, "apiVersion", "v1");
  }
}
