// Helpers for the validation tests: build defaulted objects and render errors as `field: message`.
import type { KubeObject, Status } from "../../sandbox/api/types.ts";
import { applyDefaults } from "../../sandbox/apiserver/defaults/index.ts";
import type { FieldError } from "../../sandbox/apiserver/errors.ts";
import { validateCreate, validateUpdate } from "../../sandbox/apiserver/validation/index.ts";

/** Render field errors the way kubectl lists causes. */
export function lines(errs: FieldError[]): string[] {
  return errs.map((e) => `${e.field}: ${e.message}`);
}

/** Default then validate a new object of `plural`; returns the `field: message` lines. */
export function create(plural: string, obj: Record<string, unknown>): string[] {
  const o = structuredClone(obj) as KubeObject;
  applyDefaults(plural, o);
  return lines(validateCreate(plural, o));
}

/** Default both versions, then validate the update; returns the `field: message` lines. */
export function update(
  plural: string,
  next: Record<string, unknown>,
  old: Record<string, unknown>,
): string[] {
  const n = structuredClone(next) as KubeObject;
  const o = structuredClone(old) as KubeObject;
  applyDefaults(plural, n);
  applyDefaults(plural, o);
  return lines(validateUpdate(plural, n, o));
}

/** A minimal valid pod named `x` in `default`, with spec overrides. */
export function pod(spec: Record<string, unknown> = {}, name = "x"): Record<string, unknown> {
  return {
    metadata: { name, namespace: "default" },
    spec: { containers: [{ name: "c", image: "nginx" }], ...spec },
  };
}

/** Print an Invalid Status as kubectl v1.32 does (FIDELITY §3.1), without the trailing newline. */
export function kubectlInvalid(status: Status): string {
  const d = status.details ?? {};
  const prefix = `The ${d.kind} ${JSON.stringify(d.name)} is invalid: `;
  const causes = [...new Set((d.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
  if (causes.length === 1) return prefix + causes[0];
  return [prefix, ...causes.map((c) => `* ${c}`)].join("\n");
}
