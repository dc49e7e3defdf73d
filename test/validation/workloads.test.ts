import { describe, expect, it } from "vitest";
import { create, update } from "./support.ts";

const template = (labels: Record<string, string>, spec: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: "nginx", image: "nginx" }], ...spec },
});
const deploy = (spec: Record<string, unknown>) => ({ metadata: { name: "web", namespace: "default" }, spec });
const base = { selector: { matchLabels: { app: "web" } }, template: template({ app: "web" }) };

describe("deployment validation", () => {
  it("accepts a matching selector", () => {
    expect(create("deployments", deploy(base))).toEqual([]);
  });
  it("reports a selector that does not match the template", () => {
    expect(create("deployments", deploy({ ...base, template: template({ app: "x" }) }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });
  it("requires a selector, and then nothing matches", () => {
    expect(create("deployments", deploy({ template: template({ app: "web" }) }))).toEqual([
      "spec.selector: Required value",
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
  it("requires non-negative replicas", () => {
    expect(create("deployments", deploy({ ...base, replicas: -1 }))).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });
  it("prefixes template pod spec errors with spec.template.spec", () => {
    expect(
      create(
        "deployments",
        deploy({ ...base, template: template({ app: "web" }, { containers: [{ name: "c" }] }) }),
      ),
    ).toEqual(["spec.template.spec.containers[0].image: Required value"]);
  });
  it("requires restartPolicy Always in templates", () => {
    expect(
      create(
        "deployments",
        deploy({ ...base, template: template({ app: "web" }, { restartPolicy: "Never" }) }),
      ),
    ).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });
  it("rejects an unknown strategy type", () => {
    expect(create("deployments", deploy({ ...base, strategy: { type: "Blue" } }))).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });
  it("rejects a malformed maxSurge", () => {
    const strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "1" } };
    expect(create("deployments", deploy({ ...base, strategy }))).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"1\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
  it("forbids changing the selector", () => {
    const next = deploy({ selector: { matchLabels: { app: "api" } }, template: template({ app: "api" }) });
    expect(update("deployments", next, deploy(base))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"api"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe("replica set and daemon set validation", () => {
  it("reports the replica set selector mismatch", () => {
    expect(
      create(
        "replicasets",
        deploy({ selector: { matchLabels: { tier: "frontend" } }, template: template({ tier: "nginx" }) }),
      ),
    ).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"tier":"nginx"}: `selector` does not match template `labels`',
    ]);
  });
  it("accepts a daemon set and rejects an unknown update strategy", () => {
    expect(create("daemonsets", deploy(base))).toEqual([]);
    expect(create("daemonsets", deploy({ ...base, updateStrategy: { type: "Rolling" } }))).toEqual([
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ]);
  });
});
