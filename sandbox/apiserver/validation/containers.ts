// Container validation (validateContainerCommon and the container-list checks of core validation).
import { type FieldError, forbidden, required } from "../errors.ts";
import { dnsLabel } from "./common.ts";
import {
  duplicateValue,
  invalidValue,
  isObj,
  list,
  notFoundValue,
  type Obj,
  obj,
  text,
  unsupportedValue,
} from "./field.ts";
import { isValidPortName, isValidPortNum } from "./names.ts";
import { validateProbe } from "./probes.ts";
import { validateResources } from "./resources.ts";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const MESSAGE_POLICIES = ["File", "FallbackToLogsOnError"];

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(ports).forEach((raw, i) => {
    const p = obj(raw);
    const at = `${path}[${i}]`;
    const name = text(p.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const msg of msgs) errs.push(invalidValue(`${at}.name`, name, msg));
      else if (names.has(name)) errs.push(duplicateValue(`${at}.name`, name));
      else names.add(name);
    }
    const cp = typeof p.containerPort === "number" ? p.containerPort : 0;
    if (cp === 0) errs.push(required(`${at}.containerPort`));
    else for (const msg of isValidPortNum(cp)) errs.push(invalidValue(`${at}.containerPort`, cp, msg));
    const hp = typeof p.hostPort === "number" ? p.hostPort : 0;
    if (hp !== 0) for (const msg of isValidPortNum(hp)) errs.push(invalidValue(`${at}.hostPort`, hp, msg));
    const protocol = text(p.protocol);
    if (!protocol) errs.push(required(`${at}.protocol`));
    else if (!PROTOCOLS.includes(protocol))
      errs.push(unsupportedValue(`${at}.protocol`, protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(env).forEach((raw, i) => {
    const e = obj(raw);
    const at = `${path}[${i}]`;
    const name = text(e.name);
    if (!name) errs.push(required(`${at}.name`));
    // RelaxedEnvironmentVariableValidation is on by default in v1.32.
    else if (/[^\x20-\x7e]|=/.test(name)) {
      errs.push(
        invalidValue(
          `${at}.name`,
          name,
          "a valid environment variable name must consist only of printable ASCII characters other than '='",
        ),
      );
    }
    if (isObj(e.valueFrom)) {
      const v = e.valueFrom;
      const sources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"].filter((k) =>
        isObj(v[k]),
      ).length;
      const vp = `${at}.valueFrom`;
      if (sources === 0) {
        errs.push(
          invalidValue(
            vp,
            "",
            "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
          ),
        );
      } else if (text(e.value))
        errs.push(invalidValue(vp, "", "may not be specified when `value` is not empty"));
      else if (sources > 1)
        errs.push(invalidValue(vp, "", "may not have more than one field specified at a time"));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list(mounts).forEach((raw, i) => {
    const m = obj(raw);
    const at = `${path}[${i}]`;
    const name = text(m.name);
    const mountPath = text(m.mountPath);
    if (!name) errs.push(required(`${at}.name`));
    if (!volumes.has(name)) errs.push(notFoundValue(`${at}.name`, name));
    if (!mountPath) errs.push(required(`${at}.mountPath`));
    if (seen.has(mountPath)) errs.push(invalidValue(`${at}.mountPath`, mountPath, "must be unique"));
    seen.add(mountPath);
  });
  return errs;
}

function nonEmptyList(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}

// Whether `resources` has any limit or request to check (validateResources reads nothing else).
function hasQuantities(v: unknown): boolean {
  if (!isObj(v)) return false;
  return (isObj(v.limits) && hasKeys(v.limits)) || (isObj(v.requests) && hasKeys(v.requests));
}

function hasKeys(o: Obj): boolean {
  for (const _ in o) return true;
  return false;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = text(c.name);
  if (!name) errs.push(required(`${path}.name`));
  else errs.push(...dnsLabel(name, `${path}.name`));
  if (!text(c.image)) errs.push(required(`${path}.image`));
  const tmp = text(c.terminationMessagePolicy);
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (!MESSAGE_POLICIES.includes(tmp))
    errs.push(unsupportedValue(`${path}.terminationMessagePolicy`, tmp, MESSAGE_POLICIES));
  // Each part is checked (and its path made) only when present: an absent one has nothing to report.
  if (nonEmptyList(c.ports)) errs.push(...validatePorts(c.ports, `${path}.ports`));
  if (nonEmptyList(c.env)) errs.push(...validateEnv(c.env, `${path}.env`));
  if (nonEmptyList(c.volumeMounts))
    errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  const pull = text(c.imagePullPolicy);
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull))
    errs.push(unsupportedValue(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  if (hasQuantities(c.resources)) errs.push(...validateResources(c.resources, `${path}.resources`));
  return errs;
}

function hostPortConflicts(containers: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  // Made at the first host port: most pods have none.
  let seen: Set<string> | undefined;
  containers.forEach((c, ci) => {
    list(c.ports).forEach((raw, pi) => {
      const p = obj(raw);
      const hp = typeof p.hostPort === "number" ? p.hostPort : 0;
      if (hp === 0) return;
      const key = `${text(p.protocol)}/${text(p.hostIP)}/${hp}`;
      seen ??= new Set();
      if (seen.has(key)) errs.push(duplicateValue(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

/** Validate the regular containers of a pod spec: required, each well-formed, names unique. */
export function validateContainers(raw: unknown, volumes: Set<string>, path: string): FieldError[] {
  const containers = list(raw).map(obj);
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  // A single container cannot repeat a name: the set is made only for more.
  const names = containers.length > 1 ? new Set<string>() : undefined;
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, at));
    if (names) {
      const name = text(c.name);
      if (names.has(name)) errs.push(duplicateValue(`${at}.name`, name));
      else names.add(name);
    }
    // An absent (undefined or null) probe has nothing to report: its path is made only for a present one.
    if (c.livenessProbe != null) errs.push(...validateProbe(c.livenessProbe, `${at}.livenessProbe`, true));
    if (c.readinessProbe != null)
      errs.push(...validateProbe(c.readinessProbe, `${at}.readinessProbe`, false));
    if (c.startupProbe != null) errs.push(...validateProbe(c.startupProbe, `${at}.startupProbe`, true));
    if (c.restartPolicy !== undefined)
      errs.push(forbidden(`${at}.restartPolicy`, "may not be set for non-init containers"));
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

/** Validate init containers; their names must not collide with regular containers. */
export function validateInitContainers(
  raw: unknown,
  regular: unknown,
  volumes: Set<string>,
  path: string,
): FieldError[] {
  // Most pods have none: then there is nothing to check (and no set of names to build).
  if (list(raw).length === 0) return [];
  const errs: FieldError[] = [];
  const names = new Set(list(regular).map((c) => text(obj(c).name)));
  list(raw)
    .map(obj)
    .forEach((c, i) => {
      const at = `${path}[${i}]`;
      errs.push(...validateContainerCommon(c, volumes, at));
      const restartAlways = c.restartPolicy === "Always";
      if (c.restartPolicy !== undefined && !restartAlways) {
        errs.push(unsupportedValue(`${at}.restartPolicy`, text(c.restartPolicy), ["Always"]));
      }
      const name = text(c.name);
      if (names.has(name)) errs.push(duplicateValue(`${at}.name`, name));
      else if (name) names.add(name);
      errs.push(...hostPortConflicts([c], path));
      for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        if (c[probe] === undefined) continue;
        if (restartAlways)
          errs.push(...validateProbe(c[probe], `${at}.${probe}`, probe !== "readinessProbe"));
        else
          errs.push(
            forbidden(`${at}.${probe}`, "may not be set for init containers without restartPolicy=Always"),
          );
      }
    });
  return errs;
}
