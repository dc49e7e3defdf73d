import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sandbox/api/types.ts";
import { applyDefaults } from "../../sandbox/apiserver/defaults/index.ts";
import { invalidError, required } from "../../sandbox/apiserver/errors.ts";
import { validateCreate } from "../../sandbox/apiserver/validation/index.ts";
import { kubectlInvalid } from "./support.ts";

function invalidLine(plural: string, kind: string, group: string, o: Record<string, unknown>): string {
  const obj = structuredClone(o) as KubeObject;
  applyDefaults(plural, obj);
  return kubectlInvalid(
    invalidError(kind, group, obj.metadata.name ?? "", validateCreate(plural, obj)).status,
  );
}

describe("invalid errors as kubectl prints them (FIDELITY §3.2)", () => {
  it("prints the Namespace line byte for byte", () => {
    expect(invalidLine("namespaces", "Namespace", "", { metadata: { name: "Bad_Name" } })).toBe(
      "The Namespace \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  });
  it("prints the Pod name line with the subdomain rule", () => {
    const pod = {
      metadata: { name: "Bad_Name", namespace: "default" },
      spec: { containers: [{ name: "c", image: "i" }] },
    };
    expect(invalidLine("pods", "Pod", "", pod)).toBe(
      "The Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });
  it("lays out several causes as the captured multi-cause form", () => {
    const errs = [required("spec.containers[0].image"), required("spec.containers[0].name")];
    expect(kubectlInvalid(invalidError("Pod", "", "x", errs).status)).toBe(
      'The Pod "x" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[0].name: Required value',
    );
  });
  it("reports name before image, as validateContainerCommon does", () => {
    const pod = { metadata: { name: "x", namespace: "default" }, spec: { containers: [{}] } };
    expect(invalidLine("pods", "Pod", "", pod)).toBe(
      'The Pod "x" is invalid: \n* spec.containers[0].name: Required value\n* spec.containers[0].image: Required value',
    );
  });
  it("builds the Status message with bracketed causes", () => {
    const errs = [required("spec.containers[0].name"), required("spec.containers[0].image")];
    expect(invalidError("Pod", "", "x", errs).status.message).toBe(
      'Pod "x" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]',
    );
  });
});
