// resource.Quantity syntax. A malformed quantity fails while the server decodes the body, before any
// validation, so it surfaces as a BadRequest ("cannot be handled as a Pod"), not as a field error.
import { parseQuantity } from "../../util/quantity.ts";
import { isObj, list, obj } from "./field.ts";

/** The decode error resource.ParseQuantity reports for malformed quantities. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Parse a quantity (string or JSON number) to its numeric value, or undefined when malformed. */
export const quantityValue = parseQuantity;

/** Render a quantity the way the error shows it (the model keeps the text as written, not Go's canonical form). */
export function quantityText(q: unknown): string {
  return typeof q === "number" ? String(q) : String(q ?? "");
}

const KIND_OF: Record<string, string> = {
  pods: "Pod",
  deployments: "Deployment",
  replicasets: "ReplicaSet",
  daemonsets: "DaemonSet",
};

function podSpecOf(plural: string, o: Record<string, unknown>): Record<string, unknown> {
  const spec = obj(o.spec);
  return plural === "pods" ? spec : obj(obj(spec.template).spec);
}

/**
 * Find a malformed resource quantity in a pod or workload body; returns the BadRequest message
 * (`Pod in version "v1" cannot be handled as a Pod: quantities must match ...`) or undefined.
 */
export function quantityDecodeError(plural: string, body: unknown): string | undefined {
  const kind = KIND_OF[plural];
  if (!kind || !isObj(body)) return undefined;
  const spec = podSpecOf(plural, body);
  const bad = badQuantityIn(spec.containers) || badQuantityIn(spec.initContainers);
  return bad ? `${kind} in version "v1" cannot be handled as a ${kind}: ${QUANTITY_FORMAT_ERROR}` : undefined;
}

// Whether any container's limits or requests hold a value that is not a quantity.
function badQuantityIn(containers: unknown): boolean {
  for (const c of list(containers)) {
    const res = obj(obj(c).resources);
    if (badQuantityAmong(res.limits) || badQuantityAmong(res.requests)) return true;
  }
  return false;
}

function badQuantityAmong(bag: unknown): boolean {
  const values = obj(bag);
  for (const k in values) if (quantityValue(values[k]) === undefined) return true;
  return false;
}
