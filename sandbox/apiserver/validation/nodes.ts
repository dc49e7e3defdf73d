// Node validation: subdomain name, taints unique by key and effect, podCIDRs set only once.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, forbidden, renderedFieldError, required } from "../errors.ts";
import { invalidValue, list, obj, text, unsupportedValue } from "./field.ts";
import { goQuote } from "./go-format.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { isValidLabelValue } from "./names.ts";
import { validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";
import { TAINT_EFFECTS } from "./tolerations.ts";

function validateTaints(raw: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list(raw).forEach((item, i) => {
    const t = obj(item);
    const at = `spec.taints[${i}]`;
    const key = text(t.key);
    const value = text(t.value);
    const effect = text(t.effect);
    errs.push(...validateLabelName(key, `${at}.key`));
    const msgs = isValidLabelValue(value);
    if (msgs.length > 0) errs.push(invalidValue(`${at}.value`, value, msgs.join(";")));
    if (!effect) errs.push(required(`${at}.effect`));
    else if (!TAINT_EFFECTS.includes(effect))
      errs.push(unsupportedValue(`${at}.effect`, effect, TAINT_EFFECTS));
    const id = `${effect}\u0000${key}`;
    if (seen.has(id)) {
      const rendered = `core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:(*v1.Time)(nil)}`;
      errs.push(
        renderedFieldError(
          "FieldValueDuplicate",
          at,
          rendered,
          "taints must be unique by key and effect pair",
        ),
      );
    }
    seen.add(id);
  });
  return errs;
}

/** Validate a node on create. */
export function validateNode(node: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(node.metadata, false, nameIsDNSSubdomain),
    ...validateTaints(obj(node.spec).taints),
  ];
}

/** Validate a node update: podCIDRs and providerID may only go from unset to set. */
export function validateNodeUpdate(node: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(node.spec);
  const oldSpec = obj(old.spec);
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  errs.push(...validateTaints(spec.taints));
  const before = list(oldSpec.podCIDRs).map(text);
  const now = list(spec.podCIDRs).map(text);
  const msg = 'node updates may not change podCIDR except from "" to valid';
  if (before.length > 0) {
    if (before.length !== now.length) errs.push(forbidden("spec.podCIDRs", msg));
    else if (before.some((c, i) => c !== now[i])) errs.push(forbidden("spec.podCIDRs", msg));
  }
  const oldProvider = text(oldSpec.providerID);
  if (oldProvider && oldProvider !== text(spec.providerID)) {
    errs.push(forbidden("spec.providerID", 'node updates may not change providerID except from "" to valid'));
  }
  return errs;
}
