import { describe, expect, it } from "vitest";
import POLICY_JSON from "../../sandbox/apiserver/rbac/bootstrap/bootstrap-policy.json" with { type: "json" };
import { buildBootstrapPolicy, encodePolicy } from "../../sandbox/apiserver/rbac/bootstrap/policy-build.ts";
import { bootstrapPolicy } from "../../sandbox/apiserver/rbac/bootstrap/templates.ts";

// Regenerate after changing the specs: write `${JSON.stringify(encodePolicy(buildBootstrapPolicy()))}\n`
// to sandbox/apiserver/rbac/bootstrap/bootstrap-policy.json, then `npx biome check --write` it.
// Taken before bootstrapPolicy() first runs, since loading it turns the rule indexes into rules in place.
const STORED = JSON.stringify(POLICY_JSON);

function hasUndefined(v: unknown): boolean {
  if (v === undefined) return true;
  if (v === null || typeof v !== "object") return false;
  return Object.values(v).some(hasUndefined);
}

describe("bootstrap-policy.json", () => {
  const built = buildBootstrapPolicy();

  it("holds exactly the policy the specs build (regenerate it when they change)", () => {
    expect(JSON.stringify(encodePolicy(built))).toBe(STORED);
  });

  it("loads as the built policy, key order included, with nothing JSON would drop", () => {
    expect(hasUndefined(built)).toBe(false);
    expect(JSON.stringify(bootstrapPolicy())).toBe(JSON.stringify(built));
    const first = bootstrapPolicy()[0].obj as unknown as { metadata: object; rules: { verbs: string[] }[] };
    expect(Object.isFrozen(first.metadata)).toBe(true);
    expect(Object.isFrozen(first.rules[0].verbs)).toBe(true);
  });
});
