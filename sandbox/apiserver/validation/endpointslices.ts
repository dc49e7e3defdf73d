// EndpointSlice validation: address type, endpoint addresses matching it, unique named ports.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, renderedFieldError, required } from "../errors.ts";
import { dnsLabel, dnsSubdomain } from "./common.ts";
import { duplicateValue, invalidValue, list, obj, text, unsupportedValue } from "./field.ts";
import { isIPv4, isIPv6, validateIP } from "./ip.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from "./names.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

function validateEndpointAddresses(raw: unknown, type: string, path: string): FieldError[] {
  const addrs = list(raw).map(text);
  if (addrs.length === 0) return [required(path, "must contain at least 1 address")];
  if (addrs.length > 100)
    return [
      renderedFieldError("FieldValueTooMany", path, String(addrs.length), "must have at most 100 items"),
    ];
  const errs: FieldError[] = [];
  addrs.forEach((a, i) => {
    const at = `${path}[${i}]`;
    if (type === "IPv4") {
      const e = validateIP(at, a);
      errs.push(...e);
      if (e.length === 0 && !isIPv4(a)) errs.push(invalidValue(at, a, "must be an IPv4 address"));
    } else if (type === "IPv6") {
      const e = validateIP(at, a);
      errs.push(...e);
      if (e.length === 0 && !isIPv6(a)) errs.push(invalidValue(at, a, "must be an IPv6 address"));
    } else if (type === "FQDN") {
      errs.push(...dnsSubdomain(a.replace(/\.$/, ""), at));
    }
  });
  return errs;
}

// Whether validateEndpointAddresses would find nothing for IPv4 addresses, without building paths.
function ipv4AddressesOk(raw: unknown): boolean {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 100) return false;
  for (let i = 0; i < raw.length; i++) if (!isIPv4(text(raw[i]))) return false;
  return true;
}

/** Validate an endpoint slice on create. */
export function validateEndpointSlice(es: KubeObject): FieldError[] {
  const errs = validateObjectMeta(es.metadata, true, nameIsDNSSubdomain);
  const type = text(es.addressType);
  if (!type) errs.push(required("addressType"));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(unsupportedValue("addressType", type, ADDRESS_TYPES));
  // Paths are built only for a problem: a valid endpoint (the usual case) costs no strings.
  const endpoints = list(es.endpoints);
  for (let i = 0; i < endpoints.length; i++) {
    const e = obj(endpoints[i]);
    if (type !== "IPv4" || !ipv4AddressesOk(e.addresses))
      errs.push(...validateEndpointAddresses(e.addresses, type, `endpoints[${i}].addresses`));
    if (e.nodeName !== undefined && isDNS1123Subdomain(text(e.nodeName)).length > 0)
      errs.push(...dnsSubdomain(text(e.nodeName), `endpoints[${i}].nodeName`));
    if (e.hostname !== undefined && isDNS1123Label(text(e.hostname)).length > 0)
      errs.push(...dnsLabel(text(e.hostname), `endpoints[${i}].hostname`));
  }
  const names = new Set<string>();
  list(es.ports).forEach((raw, i) => {
    const p = obj(raw);
    const at = `ports[${i}]`;
    const name = text(p.name);
    if (name) errs.push(...dnsLabel(name, `${at}.name`));
    if (names.has(name)) errs.push(duplicateValue(`${at}.name`, name));
    names.add(name);
    if (p.port !== undefined && p.port !== null) {
      const port = typeof p.port === "number" ? p.port : 0;
      for (const msg of isValidPortNum(port)) errs.push(invalidValue(`${at}.port`, port, msg));
    }
    const protocol = text(p.protocol);
    if (!protocol) errs.push(required(`${at}.protocol`));
    else if (!["SCTP", "TCP", "UDP"].includes(protocol))
      errs.push(unsupportedValue(`${at}.protocol`, protocol, ["SCTP", "TCP", "UDP"]));
  });
  return errs;
}

/** Validate an endpoint slice update: the address type is immutable. */
export function validateEndpointSliceUpdate(es: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(es.metadata, old.metadata);
  if (text(es.addressType) !== text(old.addressType))
    errs.push(invalidValue("addressType", text(es.addressType), "field is immutable"));
  errs.push(...validateEndpointSlice(es).filter((e) => !e.field.startsWith("metadata.")));
  return errs;
}
