import type { Status } from "../api/types.ts";

/** One field error, as apimachinery's field.Error renders it: `<field>: <body>`. */
export interface FieldError {
  /** Cause reason in the Status body, e.g. FieldValueInvalid. */
  reason:
    | "FieldValueInvalid"
    | "FieldValueRequired"
    | "FieldValueNotSupported"
    | "FieldValueDuplicate"
    | "FieldValueForbidden"
    | "FieldValueTooLong"
    | "FieldValueTooMany"
    | "FieldValueNotFound"
    | "InternalError";
  field: string;
  /** The body after `<field>: `, e.g. `Required value` or `Invalid value: "x": ...`. */
  message: string;
}

/** Quote a value the way field errors do: strings in double quotes, numbers and booleans bare. */
export function quoteValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "null";
  return JSON.stringify(value);
}

/** Build an `Invalid value` field error. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { reason: "FieldValueInvalid", field, message: `Invalid value: ${quoteValue(value)}: ${detail}` };
}

/** Build a `Required value` field error. */
export function required(field: string, detail?: string): FieldError {
  return {
    reason: "FieldValueRequired",
    field,
    message: detail ? `Required value: ${detail}` : "Required value",
  };
}

/** Build an `Unsupported value` field error listing the supported values, as apimachinery does. */
export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(", ");
  return {
    reason: "FieldValueNotSupported",
    field,
    message: `Unsupported value: ${quoteValue(value)}: supported values: ${list}`,
  };
}

/** Build a `Duplicate value` field error. */
export function duplicate(field: string, value: unknown): FieldError {
  return { reason: "FieldValueDuplicate", field, message: `Duplicate value: ${quoteValue(value)}` };
}

/** Build a `Forbidden` field error. */
export function forbidden(field: string, detail: string): FieldError {
  return { reason: "FieldValueForbidden", field, message: `Forbidden: ${detail}` };
}

/** Build a `Too long` field error. */
export function tooLong(field: string, max: number): FieldError {
  return { reason: "FieldValueTooLong", field, message: `Too long: may not be more than ${max} bytes` };
}

const BODY_PREFIX: Record<FieldError["reason"], string> = {
  FieldValueInvalid: "Invalid value",
  FieldValueRequired: "Required value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  FieldValueNotFound: "Not found",
  InternalError: "Internal error",
};

/**
 * Build a field error whose bad value is already rendered, e.g. Go `%#v` text such as
 * `map[string]string{"app":"x"}`; `value` undefined omits it, as for Required or Forbidden.
 */
export function renderedFieldError(
  reason: FieldError["reason"],
  field: string,
  value: string | undefined,
  detail?: string,
): FieldError {
  let message = BODY_PREFIX[reason];
  if (value !== undefined) message += `: ${value}`;
  if (detail) message += `: ${detail}`;
  return { reason, field, message };
}

/** Build a `Not found` field error (a reference to something that does not exist). */
export function fieldNotFound(field: string, value: unknown): FieldError {
  return { reason: "FieldValueNotFound", field, message: `Not found: ${quoteValue(value)}` };
}

/** An API error carrying the Status the real server would return. */
export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message);
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** Format `<resource>[.<group>]`, e.g. `pods` or `deployments.apps`. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

// An empty reason is left out, as Go's omitempty leaves StatusReasonUnknown out.
function status(code: number, reason: string, message: string, details?: Status["details"]): StatusError {
  return new StatusError({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    ...(reason ? { reason } : {}),
    details,
    code,
  });
}

/** 404 NotFound: `pods "x" not found`. */
export function notFound(resource: string, group: string, name: string): StatusError {
  const details = group ? { name, group, kind: resource } : { name, kind: resource };
  return status(404, "NotFound", `${qualifiedResource(resource, group)} "${name}" not found`, details);
}

/** 404 NotFound for a path the server does not serve (no such resource or subresource). */
export function noSuchPath(): StatusError {
  return status(404, "NotFound", "the server could not find the requested resource", {});
}

/** 409 AlreadyExists: `pods "x" already exists`. */
export function alreadyExists(resource: string, group: string, name: string): StatusError {
  const details = group ? { name, group, kind: resource } : { name, kind: resource };
  return status(
    409,
    "AlreadyExists",
    `${qualifiedResource(resource, group)} "${name}" already exists`,
    details,
  );
}

/** 409 Conflict for a stale resourceVersion, worded as the real server words it. */
export function conflict(resource: string, group: string, name: string): StatusError {
  const details = group ? { name, group, kind: resource } : { name, kind: resource };
  return status(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details,
  );
}

/** 409 Conflict with a free-form message (e.g. a pod already bound to a node); `kind` names the resource. */
export function conflictMessage(name: string, message: string, kind = "pods"): StatusError {
  return status(409, "Conflict", message, { name, kind });
}

/** 403 Forbidden: `<resource> "<name>" is forbidden: <why>`. */
export function forbiddenError(resource: string, group: string, name: string, why: string): StatusError {
  const qr = qualifiedResource(resource, group);
  const message = name
    ? `${qr} "${name}" is forbidden: ${why}`
    : qr
      ? `${qr} is forbidden: ${why}`
      : `forbidden: ${why}`;
  // Go leaves empty details out (omitempty): a denied path has none at all.
  const details = {
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    ...(resource ? { kind: resource } : {}),
  };
  return status(403, "Forbidden", message, details);
}

/** 422 Invalid: `<Kind> "<name>" is invalid: <errs>`; one error bare, several as `[e1, e2]`. */
export function invalidError(kind: string, group: string, name: string, errors: FieldError[]): StatusError {
  const rendered = errors.map((e) => `${e.field}: ${e.message}`);
  const body = rendered.length === 1 ? rendered[0] : `[${rendered.join(", ")}]`;
  const qk = group ? `${kind}.${group}` : kind;
  const details: Status["details"] = {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: errors.map((e) => ({ reason: e.reason, message: e.message, field: e.field })),
  };
  return status(422, "Invalid", `${qk} "${name}" is invalid: ${body}`, details);
}

/** 422 Invalid with no field causes (empty details), e.g. a patch the server could not apply. */
export function invalidRequest(message: string): StatusError {
  return status(422, "Invalid", message, {});
}

/** 500 with no reason: what the server answers an error that is not a Status (StatusReasonUnknown). */
export function unknownError(message: string): StatusError {
  return status(500, "", message);
}

/** 400 BadRequest with a free-form message. */
export function badRequest(message: string): StatusError {
  return status(400, "BadRequest", message);
}

/** 401 Unauthorized: the credentials did not authenticate anyone. */
export function unauthorized(): StatusError {
  return status(401, "Unauthorized", "Unauthorized");
}

/** 405 MethodNotAllowed. */
export function methodNotAllowed(message: string): StatusError {
  return status(405, "MethodNotAllowed", message);
}
