// Probe validation: one handler, non-negative timings, successThreshold 1 where required.
import { type FieldError, forbidden, required } from "../errors.ts";
import { nonNegative } from "./common.ts";
import { invalidValue, isObj, list, obj, text, unsupportedValue } from "./field.ts";
import { isValidPortName, isValidPortNum } from "./names.ts";

function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((msg) => invalidValue(path, port, msg));
  const name = text(port);
  return isValidPortName(name).map((msg) => invalidValue(path, name, msg));
}

function validateHandler(p: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  for (const kind of ["exec", "httpGet", "tcpSocket", "grpc"]) {
    const h = p[kind];
    if (!isObj(h)) continue;
    if (handlers > 0) {
      errs.push(forbidden(`${path}.${kind}`, "may not specify more than 1 handler type"));
      continue;
    }
    handlers++;
    const at = `${path}.${kind}`;
    if (kind === "exec" && list(h.command).length === 0) errs.push(required(`${at}.command`));
    if (kind === "httpGet") {
      if (!text(h.path)) errs.push(required(`${at}.path`));
      errs.push(...validatePortNumOrName(h.port, `${at}.port`));
      const scheme = text(h.scheme);
      if (scheme !== "HTTP" && scheme !== "HTTPS")
        errs.push(unsupportedValue(`${at}.scheme`, scheme, ["HTTP", "HTTPS"]));
    }
    if (kind === "tcpSocket") errs.push(...validatePortNumOrName(h.port, `${at}.port`));
    if (kind === "grpc")
      errs.push(...validatePortNumOrName(typeof h.port === "number" ? h.port : 0, `${at}.port`));
  }
  if (handlers === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

/** Validate a liveness, readiness or startup probe; `successOne` requires successThreshold 1. */
export function validateProbe(raw: unknown, path: string, successOne: boolean): FieldError[] {
  if (raw === undefined || raw === null) return [];
  const p = obj(raw);
  const errs = validateHandler(p, path);
  for (const f of [
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
  ]) {
    errs.push(...nonNegative(p[f], `${path}.${f}`));
  }
  if (successOne && typeof p.successThreshold === "number" && p.successThreshold !== 1) {
    errs.push(invalidValue(`${path}.successThreshold`, p.successThreshold, "must be 1"));
  }
  return errs;
}
