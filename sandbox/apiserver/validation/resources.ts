// Container resource requirements: resource names, non-negative quantities, requests within limits.
import type { FieldError } from "../errors.ts";
import { invalidRendered, invalidValue, obj } from "./field.ts";
import { isQualifiedName } from "./names.ts";
import { quantityText, quantityValue } from "./quantity.ts";

const CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const STANDARD_RESOURCES = new Set(
  (
    "cpu memory ephemeral-storage requests.cpu requests.memory requests.ephemeral-storage limits.cpu " +
    "limits.memory limits.ephemeral-storage pods services replicationcontrollers resourcequotas secrets " +
    "configmaps persistentvolumeclaims requests.storage services.nodeports services.loadbalancers"
  ).split(" "),
);

// core.ResourceName has a String() method, so the bad name prints unquoted.
function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalidRendered(path, name, msg));
  if (errs.length > 0 || name.includes("/")) return errs;
  const hugepages = name.startsWith("hugepages-");
  if (!STANDARD_RESOURCES.has(name) && !hugepages) {
    return [invalidRendered(path, name, "must be a standard resource type or fully qualified")];
  }
  if (!CONTAINER_RESOURCES.has(name) && !hugepages) {
    return [invalidRendered(path, name, "must be a standard resource for containers")];
  }
  return [];
}

function validateQuantity(q: unknown, path: string): FieldError[] {
  const v = quantityValue(q);
  return v !== undefined && v < 0
    ? [invalidValue(path, quantityText(q), "must be greater than or equal to 0")]
    : [];
}

/** Validate `resources` of a container at `path` (malformed quantities were rejected at decode time). */
export function validateResources(raw: unknown, path: string): FieldError[] {
  const res = obj(raw);
  const limits = obj(res.limits);
  const requests = obj(res.requests);
  const errs: FieldError[] = [];
  for (const [name, q] of Object.entries(limits)) {
    const at = `${path}.limits[${name}]`;
    errs.push(...validateResourceName(name, at), ...validateQuantity(q, at));
  }
  for (const [name, q] of Object.entries(requests)) {
    const at = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, at), ...validateQuantity(q, at));
    if (!(name in limits)) continue;
    const req = quantityValue(q);
    const lim = quantityValue(limits[name]);
    if (req === undefined || lim === undefined) continue;
    const limitText = quantityText(limits[name]);
    if (name.startsWith("hugepages-") && req !== lim) {
      errs.push(
        invalidValue(`${path}.requests`, quantityText(q), `must be equal to ${name} limit of ${limitText}`),
      );
    } else if (req > lim) {
      errs.push(
        invalidValue(
          `${path}.requests`,
          quantityText(q),
          `must be less than or equal to ${name} limit of ${limitText}`,
        ),
      );
    }
  }
  return errs;
}
