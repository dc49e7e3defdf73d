// Pod tolerations: key, operator and value consistency, and the taint effect.
import type { FieldError } from "../errors.ts";
import { invalidValue, list, obj, text, unsupportedValue } from "./field.ts";
import { isValidLabelValue } from "./names.ts";
import { validateLabelName } from "./object-meta.ts";

/** The taint effects, in the order the real server lists them. */
export const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** Validate a list of tolerations under `path`. */
export function validateTolerations(raw: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(raw).forEach((item, i) => {
    const t = obj(item);
    const at = `${path}[${i}]`;
    const key = text(t.key);
    const op = text(t.operator);
    const value = text(t.value);
    const effect = text(t.effect);
    if (key) errs.push(...validateLabelName(key, `${at}.key`));
    if (!key && op !== "Exists") {
      errs.push(
        invalidValue(
          `${at}.operator`,
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== "NoExecute") {
      errs.push(
        invalidValue(`${at}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    }
    if (op === "Equal" || op === "") {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalidValue(`${at}.operator`, value, msgs.join(";")));
    } else if (op === "Exists") {
      if (value)
        errs.push(invalidValue(`${at}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(unsupportedValue(`${at}.operator`, op, ["Equal", "Exists"]));
    }
    if (effect && !TAINT_EFFECTS.includes(effect))
      errs.push(unsupportedValue(`${at}.effect`, effect, TAINT_EFFECTS));
  });
  return errs;
}
