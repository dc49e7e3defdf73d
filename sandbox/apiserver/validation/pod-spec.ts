// PodSpec validation (ValidatePodSpec), shared by pods and every pod template.
import { type FieldError, required } from "../errors.ts";
import { dnsLabel, dnsSubdomain } from "./common.ts";
import { validateContainers, validateInitContainers } from "./containers.ts";
import { invalidValue, list, obj, stringMap, text, unsupportedValue } from "./field.ts";
import { inclusiveRangeError, isDNS1123Subdomain } from "./names.ts";
import { validateLabels } from "./object-meta.ts";
import { validateTolerations } from "./tolerations.ts";
import { validateVolumes } from "./volumes.ts";

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const PREEMPTION_POLICIES = ["PreemptLowerPriority", "Never"];
const MAX_INT32 = 2147483647;

// A valid field's answer: shared and frozen, so callers may spread it but never push to it.
const NO_ERRORS: FieldError[] = Object.freeze([]) as unknown as FieldError[];

// `field` of the spec at `path` must be one of `allowed`; the field's path is made only for an error.
function oneOf(value: string, allowed: string[], path: string, field: string): FieldError[] {
  if (!value) return [required(`${path}.${field}`)];
  return allowed.includes(value) ? NO_ERRORS : [unsupportedValue(`${path}.${field}`, value, allowed)];
}

// `field` of the spec at `path` must be a DNS-1123 subdomain; the field's path is made only for an error.
function subdomainAt(value: string, path: string, field: string): FieldError[] {
  return isDNS1123Subdomain(value).length === 0 ? NO_ERRORS : dnsSubdomain(value, `${path}.${field}`);
}

function hostNetworkPorts(spec: Record<string, unknown>, path: string, isPod: boolean): FieldError[] {
  if (spec.hostNetwork !== true) return NO_ERRORS;
  const errs: FieldError[] = [];
  list(spec.containers).forEach((c, ci) => {
    list(obj(c).ports).forEach((raw, pi) => {
      const p = obj(raw);
      const hp = typeof p.hostPort === "number" ? p.hostPort : 0;
      const cp = typeof p.containerPort === "number" ? p.containerPort : 0;
      if ((isPod || hp !== 0) && hp !== cp) {
        errs.push(
          invalidValue(
            `${path}.containers[${ci}].ports[${pi}].hostPort`,
            hp,
            "must match `containerPort` when `hostNetwork` is true",
          ),
        );
      }
    });
  });
  return errs;
}

/** Validate a (defaulted) pod spec under `path`; `isPod` is false for templates. */
export function validatePodSpec(raw: unknown, path: string, isPod: boolean): FieldError[] {
  const spec = obj(raw);
  const errs: FieldError[] = [];
  if (typeof spec.terminationGracePeriodSeconds !== "number")
    errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volumes.errs);
  errs.push(...validateContainers(spec.containers, volumes.names, `${path}.containers`));
  // Most pods have no init containers: nothing to check, and no path to make.
  if (Array.isArray(spec.initContainers) && spec.initContainers.length > 0)
    errs.push(
      ...validateInitContainers(
        spec.initContainers,
        spec.containers,
        volumes.names,
        `${path}.initContainers`,
      ),
    );
  errs.push(...hostNetworkPorts(spec, path, isPod));
  errs.push(...oneOf(text(spec.restartPolicy), RESTART_POLICIES, path, "restartPolicy"));
  errs.push(...oneOf(text(spec.dnsPolicy), DNS_POLICIES, path, "dnsPolicy"));
  if (spec.nodeSelector !== undefined)
    errs.push(...validateLabels(stringMap(spec.nodeSelector), `${path}.nodeSelector`));
  if (spec.dnsPolicy === "None" && spec.dnsConfig === undefined) {
    errs.push(required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  }
  const sa = text(spec.serviceAccountName);
  if (sa) errs.push(...subdomainAt(sa, path, "serviceAccountName"));
  const nodeName = text(spec.nodeName);
  if (nodeName) errs.push(...subdomainAt(nodeName, path, "nodeName"));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === "number" && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalidValue(`${path}.activeDeadlineSeconds`, ads, inclusiveRangeError(1, MAX_INT32)));
  }
  if (text(spec.hostname)) errs.push(...dnsLabel(text(spec.hostname), `${path}.hostname`));
  if (text(spec.subdomain)) errs.push(...dnsLabel(text(spec.subdomain), `${path}.subdomain`));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  const pc = text(spec.priorityClassName);
  if (pc) errs.push(...subdomainAt(pc, path, "priorityClassName"));
  if (spec.preemptionPolicy !== undefined) {
    errs.push(...oneOf(text(spec.preemptionPolicy), PREEMPTION_POLICIES, path, "preemptionPolicy"));
  }
  return errs;
}

/** Check what only real pods (not templates) must satisfy: images without surrounding whitespace. */
export function validateContainersOnlyForPod(raw: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(raw).forEach((c, i) => {
    const image = text(obj(c).image);
    if (image !== image.trim()) {
      errs.push(invalidValue(`${path}[${i}].image`, image, "must not have leading or trailing whitespace"));
    }
  });
  return errs;
}
