// Endpoints validation: each subset has addresses, addresses are usable IPs, ports are well-formed.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, required } from "../errors.ts";
import { dnsLabel, dnsSubdomain } from "./common.ts";
import { invalidValue, list, obj, text, unsupportedValue } from "./field.ts";
import { isIP, isIPv4, validateIP } from "./ip.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from "./names.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

/** Reject the special IPv4 ranges an endpoint may not use. */
export function nonSpecialIP(ip: string, path: string): FieldError[] {
  if (!isIPv4(ip)) return [];
  const [a, b, c] = ip.split(".").map(Number);
  if (a === 0 && ip.split(".").every((p) => Number(p) === 0))
    return [invalidValue(path, ip, "may not be unspecified (0.0.0.0, ::)")];
  if (a === 127) return [invalidValue(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)")];
  if (a === 169 && b === 254)
    return [invalidValue(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)")];
  if (a === 224 && b === 0 && c === 0) {
    return [invalidValue(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")];
  }
  return [];
}

function validateAddress(raw: unknown, path: string): FieldError[] {
  const a = obj(raw);
  const ip = text(a.ip);
  const errs = validateIP(`${path}.ip`, ip);
  if (text(a.hostname)) errs.push(...dnsLabel(text(a.hostname), `${path}.hostname`));
  if (a.nodeName !== undefined) errs.push(...dnsSubdomain(text(a.nodeName), `${path}.nodeName`));
  if (errs.length === 0) errs.push(...nonSpecialIP(ip, `${path}.ip`));
  return errs;
}

// Whether validateAddress would find nothing, without building its paths (most addresses are fine).
function addressOk(raw: unknown): boolean {
  const a = obj(raw);
  const ip = text(a.ip);
  if (!isIP(ip)) return false;
  const hostname = text(a.hostname);
  if (hostname && isDNS1123Label(hostname).length > 0) return false;
  if (a.nodeName !== undefined && isDNS1123Subdomain(text(a.nodeName)).length > 0) return false;
  return nonSpecialIP(ip, "").length === 0;
}

// Whether validatePort would find nothing, without building its paths.
function portOk(raw: unknown, requireName: boolean): boolean {
  const p = obj(raw);
  const name = text(p.name);
  if (requireName && !name) return false;
  if (name && isDNS1123Label(name).length > 0) return false;
  const port = typeof p.port === "number" ? p.port : 0;
  if (isValidPortNum(port).length > 0) return false;
  const protocol = text(p.protocol);
  return protocol === "SCTP" || protocol === "TCP" || protocol === "UDP";
}

/** Validate an endpoint port (shared with nothing else, but kept apart for readability). */
function validatePort(raw: unknown, requireName: boolean, path: string): FieldError[] {
  const p = obj(raw);
  const errs: FieldError[] = [];
  const name = text(p.name);
  if (requireName && !name) errs.push(required(`${path}.name`));
  else if (name) errs.push(...dnsLabel(name, `${path}.name`));
  const port = typeof p.port === "number" ? p.port : 0;
  for (const msg of isValidPortNum(port)) errs.push(invalidValue(`${path}.port`, port, msg));
  const protocol = text(p.protocol);
  if (!protocol) errs.push(required(`${path}.protocol`));
  else if (!["SCTP", "TCP", "UDP"].includes(protocol))
    errs.push(unsupportedValue(`${path}.protocol`, protocol, ["SCTP", "TCP", "UDP"]));
  return errs;
}

/** Validate endpoints on create. */
export function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
  list(ep.subsets).forEach((raw, i) => {
    const s = obj(raw);
    const at = `subsets[${i}]`;
    const ready = list(s.addresses);
    const notReady = list(s.notReadyAddresses);
    if (ready.length === 0 && notReady.length === 0)
      errs.push(required(at, "must specify `addresses` or `notReadyAddresses`"));
    for (let j = 0; j < ready.length; j++)
      if (!addressOk(ready[j])) errs.push(...validateAddress(ready[j], `${at}.addresses[${j}]`));
    for (let j = 0; j < notReady.length; j++)
      if (!addressOk(notReady[j]))
        errs.push(...validateAddress(notReady[j], `${at}.notReadyAddresses[${j}]`));
    const ports = list(s.ports);
    for (let j = 0; j < ports.length; j++)
      if (!portOk(ports[j], ports.length > 1))
        errs.push(...validatePort(ports[j], ports.length > 1, `${at}.ports[${j}]`));
  });
  return errs;
}

/** Validate an endpoints update. */
export function validateEndpointsUpdate(ep: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateObjectMetaUpdate(ep.metadata, old.metadata),
    ...validateEndpoints(ep).filter((e) => !e.field.startsWith("metadata.")),
  ];
}
