// Service cluster-IP fields (ValidateServiceClusterIPsRelatedFields) and the allocator range checks
// whose messages kube-apiserver's IP and NodePort allocators report.
import type { FieldError } from "../errors.ts";
import {
  duplicateValue,
  invalidRendered,
  invalidValue,
  list,
  type Obj,
  text,
  unsupportedValue,
} from "./field.ts";
import { goStringSlice } from "./go-format.ts";
import { isIPv4, isIPv6, validateIP } from "./ip.ts";

const FAMILIES = ["IPv4", "IPv6"];
const FAMILY_POLICIES = ["PreferDualStack", "RequireDualStack", "SingleStack"];

/** Validate clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy of a non-ExternalName service. */
export function validateClusterIPs(spec: Obj, ips: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const clusterIP = text(spec.clusterIP);
  if (clusterIP && ips[0] !== clusterIP)
    errs.push(invalidRendered("spec.clusterIPs", goStringSlice(ips), "first value must match `clusterIP`"));
  if (!clusterIP && ips.length > 0) {
    errs.push(
      invalidRendered(
        "spec.clusterIPs",
        goStringSlice(ips),
        "must be empty when `clusterIP` is not specified",
      ),
    );
  }
  const families = list(spec.ipFamilies).map(text);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (!FAMILIES.includes(f)) errs.push(unsupportedValue(`spec.ipFamilies[${i}]`, f, FAMILIES));
    if (seen.has(f)) errs.push(duplicateValue(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && policy !== null && !FAMILY_POLICIES.includes(text(policy))) {
    errs.push(unsupportedValue("spec.ipFamilyPolicy", text(policy), FAMILY_POLICIES));
  }
  let invalidIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1) {
        invalidIPs = true;
        errs.push(
          invalidRendered("spec.clusterIPs", goStringSlice(ips), "'None' must be the first and only value"),
        );
      }
      return;
    }
    const e = validateIP(`spec.clusterIPs[${i}]`, ip);
    if (e.length > 0) invalidIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2)
    errs.push(invalidRendered("spec.clusterIPs", goStringSlice(ips), "may only hold up to 2 values"));
  if (invalidIPs) return errs;
  if (ips.length > 1 && isIPv6(ips[0]) === isIPv6(ips[1])) {
    errs.push(
      invalidRendered(
        "spec.clusterIPs",
        goStringSlice(ips),
        "may specify no more than one IP for each IP family",
      ),
    );
  }
  if (!(ips.length === 1 && ips[0] === "None")) {
    ips.forEach((ip, i) => {
      if (i >= families.length) return;
      if (families[i] === "IPv4" && isIPv6(ip)) {
        errs.push(
          invalidValue(
            `spec.clusterIPs[${i}]`,
            ip,
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
      if (families[i] === "IPv6" && !isIPv6(ip)) {
        errs.push(
          invalidValue(
            `spec.clusterIPs[${i}]`,
            ip,
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      }
    });
  }
  return errs;
}

/** Whether an IPv4 address lies inside an IPv4 CIDR such as `10.96.0.0/12`. */
export function ipInCIDR(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const bits = Number(bitsText);
  if (!isIPv4(ip) || !isIPv4(base) || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const toNum = (s: string) => s.split(".").reduce((n, p) => n * 256 + Number(p), 0);
  const size = 2 ** (32 - bits);
  return Math.floor(toNum(ip) / size) === Math.floor(toNum(base) / size);
}

/** The allocator's error for a requested cluster IP outside the service CIDR. */
export function clusterIPRangeError(ip: string, cidr: string): FieldError {
  return invalidRendered(
    "spec.clusterIPs",
    goStringSlice([ip]),
    `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`,
  );
}

/** Whether a port lies in a `30000-32767` style range. */
export function nodePortInRange(port: number, range: string): boolean {
  const [lo, hi] = range.split("-").map(Number);
  return port >= lo && port <= hi;
}

/** The allocator's error for a requested nodePort outside the range. */
export function nodePortRangeError(index: number, port: number, range: string): FieldError {
  return invalidValue(
    `spec.ports[${index}].nodePort`,
    port,
    `provided port is not in the valid range. The range of valid ports is ${range}`,
  );
}

/** The allocator's error for a nodePort another service holds. */
export function nodePortAllocatedError(index: number, port: number): FieldError {
  return invalidValue(`spec.ports[${index}].nodePort`, port, "provided port is already allocated");
}
