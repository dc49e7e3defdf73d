// metav1.LabelSelector: its validation, and its conversion to a matcher (LabelSelectorAsSelector).
import { type FieldError, forbidden, required } from "../errors.ts";
import { invalidValue, isObj, list, stringMap, text } from "./field.ts";
import { isQualifiedName, isValidLabelValue } from "./names.ts";
import { validateLabelName, validateLabels } from "./object-meta.ts";

const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

/** Validate a label selector's matchLabels and matchExpressions under `path`. */
export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  if (!isObj(sel)) return [];
  const errs = validateLabels(stringMap(sel.matchLabels), `${path}.matchLabels`);
  list(sel.matchExpressions).forEach((raw, i) => {
    const e = isObj(raw) ? raw : {};
    const p = `${path}.matchExpressions[${i}]`;
    const op = text(e.operator);
    const values = list(e.values).map(text);
    if (op === "In" || op === "NotIn") {
      if (values.length === 0)
        errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === "Exists" || op === "DoesNotExist") {
      if (values.length > 0) {
        errs.push(
          forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
    } else {
      errs.push(invalidValue(`${p}.operator`, op, "not a valid selector operator"));
    }
    errs.push(...validateLabelName(text(e.key), `${p}.key`));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalidValue(`${p}.values[${j}]`, v, msg));
    });
  });
  return errs;
}

/** The result of turning a selector into a matcher: nil matches nothing, `{}` matches everything. */
export type SelectorMatcher = { empty: boolean; matches: (labels: Record<string, string>) => boolean };

/** Convert a selector to a matcher, or undefined when it cannot be converted (an invalid selector). */
export function asSelector(sel: unknown): SelectorMatcher | undefined {
  if (sel === undefined || sel === null) return { empty: false, matches: () => false };
  if (!isObj(sel)) return undefined;
  const reqs: ((l: Record<string, string>) => boolean)[] = [];
  for (const [k, v] of Object.entries(stringMap(sel.matchLabels) ?? {})) {
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return undefined;
    reqs.push((l) => l[k] === v);
  }
  for (const raw of list(sel.matchExpressions)) {
    const e = isObj(raw) ? raw : {};
    const key = text(e.key);
    const op = text(e.operator);
    const values = list(e.values).map(text);
    if (!OPERATORS.has(op) || isQualifiedName(key).length > 0) return undefined;
    if ((op === "In" || op === "NotIn") && values.length === 0) return undefined;
    if ((op === "Exists" || op === "DoesNotExist") && values.length > 0) return undefined;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return undefined;
    if (op === "In") reqs.push((l) => key in l && values.includes(l[key]));
    else if (op === "NotIn") reqs.push((l) => !(key in l) || !values.includes(l[key]));
    else if (op === "Exists") reqs.push((l) => key in l);
    else reqs.push((l) => !(key in l));
  }
  return { empty: reqs.length === 0, matches: (l) => reqs.every((r) => r(l)) };
}
