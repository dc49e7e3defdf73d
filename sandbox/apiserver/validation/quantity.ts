// resource.Quantity syntax. A malformed quantity fails while the server decodes the body, before any
// validation, so it surfaces as a BadRequest ("cannot be handled as a Pod"), not as a field error.
import { isObj, list, obj } from "./field.ts";

/** The decode error resource.ParseQuantity reports for malformed quantities. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const SCALE: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Parse a quantity (string or JSON number) to its numeric value, or undefined when malformed. */
export function quantityValue(q: unknown): number | undefined {
  if (typeof q === "number") return Number.isFinite(q) ? q : undefined;
  if (typeof q !== "string") return undefined;
  const m = QUANTITY.exec(q);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  const suffix = m[3] ?? "";
  const scale = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SCALE[suffix];
  return sign * Number(m[2]) * scale;
}

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
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const res = obj(obj(c).resources);
    for (const bag of [res.limits, res.requests]) {
      for (const v of Object.values(obj(bag))) {
        if (quantityValue(v) === undefined) {
          return `${kind} in version "v1" cannot be handled as a ${kind}: ${QUANTITY_FORMAT_ERROR}`;
        }
      }
    }
  }
  return undefined;
}
