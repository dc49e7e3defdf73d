import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sandbox/api/types.ts";
import { applyDefaults } from "../../sandbox/apiserver/defaults/index.ts";
import { validateCreate } from "../../sandbox/apiserver/validation/index.ts";
import {
  byteLength,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from "../../sandbox/apiserver/validation/names.ts";

// Strings drawn mostly from the characters that matter to the rules, plus arbitrary Unicode.
const nameish = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abz09-._/A"), maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-"),
    minLength: 60,
    maxLength: 70,
  }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const rules: [string, (s: string) => string[], RegExp, number][] = [
  ["RFC 1123 label", isDNS1123Label, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 63],
  [
    "RFC 1123 subdomain",
    isDNS1123Subdomain,
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    253,
  ],
  ["DNS-1035 label", isDNS1035Label, /^[a-z]([-a-z0-9]*[a-z0-9])?$/, 63],
  ["label value", isValidLabelValue, /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/, 63],
];

describe("name rules (property)", () => {
  for (const [name, check, regex, max] of rules) {
    it(`accepts exactly the ${name}s that match the regex and length`, () => {
      fc.assert(
        fc.property(nameish, (s) => {
          expect(check(s).length === 0).toBe(regex.test(s) && byteLength(s) <= max);
        }),
      );
    });
  }

  it("accepts exactly the qualified names of the documented shape", () => {
    const part = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
    fc.assert(
      fc.property(nameish, (s) => {
        const parts = s.split("/");
        const name = parts[parts.length - 1];
        const prefixOk =
          parts.length === 1 ||
          (parts.length === 2 && isDNS1123Subdomain(parts[0]).length === 0 && parts[0] !== "");
        const valid = parts.length <= 2 && prefixOk && part.test(name) && name.length <= 63;
        expect(isQualifiedName(s).length === 0).toBe(valid);
      }),
    );
  });

  it("never throws on arbitrary names, labels and bodies", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.anything(), (n, l, spec) => {
        for (const plural of ["pods", "services", "deployments", "namespaces", "secrets", "configmaps"]) {
          const o = {
            metadata: { name: n, namespace: "default", labels: { [l]: n } },
            spec,
          } as unknown as KubeObject;
          applyDefaults(plural, o);
          expect(Array.isArray(validateCreate(plural, o))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
