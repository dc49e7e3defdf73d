// EndpointSlice validation: address type, endpoint addresses matching it, unique named ports.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, renderedFieldError, required } from "../errors.ts";
import { dnsLabel, dnsSubdomain } from "./common.ts";
import { duplicateValue, invalidValue, list, obj, text, unsupportedValue } from "./field.ts";
import { isIPv4, isIPv6, validateIP } from "./ip.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { isValidPortNum } from "./names.ts";
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

/** Validate an endpoint slice on create. */
export function validateEndpointSlice(es: KubeObject): FieldError[] {
  const errs = validateObjectMeta(es.metadata, true, nameIsDNSSubdomain);
  const type = text(es.addressType);
  if (!type) errs.push(required("addressType"));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(unsupportedValue("addressType", type, ADDRESS_TYPES));
  list(es.endpoints).forEach((raw, i) => {
    const e = obj(raw);
    const at = `endpoints[${i}]`;
    errs.push(...validateEndpointAddresses(e.addresses, type, `${at}.addresses`));
    if (e.nodeName !== undefined) errs.push(...dnsSubdomain(text(e.nodeName), `${at}.nodeName`));
    if (e.hostname !== undefined) errs.push(...dnsLabel(text(e.hostname), `${at}.hostname`));
  });
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
