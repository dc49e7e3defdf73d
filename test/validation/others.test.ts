import { describe, expect, it } from "vitest";
import { create, update } from "./support.ts";

describe("namespace, configmap, secret, node and RBAC validation", () => {
  it("forbids a namespace on cluster-scoped kinds", () => {
    expect(create("nodes", { metadata: { name: "n1", namespace: "default" } })).toEqual([
      "metadata.namespace: Forbidden: not allowed on this type",
    ]);
  });
  it("checks configmap keys", () => {
    expect(
      create("configmaps", { metadata: { name: "c", namespace: "default" }, data: { "a b": "1" } }),
    ).toEqual([
      "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
  it("requires the TLS keys of a TLS secret", () => {
    expect(
      create("secrets", {
        metadata: { name: "s", namespace: "default" },
        type: "kubernetes.io/tls",
        data: {},
      }),
    ).toEqual(["data[tls.crt]: Required value", "data[tls.key]: Required value"]);
  });
  it("makes a secret's type immutable", () => {
    const old = { metadata: { name: "s", namespace: "default" }, type: "Opaque" };
    const next = { ...old, type: "kubernetes.io/basic-auth", data: { username: "YQ==" } };
    expect(update("secrets", next, old)).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    ]);
  });
  it("rejects an immutable configmap's data change", () => {
    const old = { metadata: { name: "c", namespace: "default" }, immutable: true, data: { a: "1" } };
    expect(update("configmaps", { ...old, data: { a: "2" } }, old)).toEqual([
      "data: Forbidden: field is immutable when `immutable` is set",
    ]);
  });
  it("rejects duplicate node taints", () => {
    const taints = [
      { key: "k", effect: "NoSchedule" },
      { key: "k", effect: "NoSchedule" },
    ];
    expect(create("nodes", { metadata: { name: "n1" }, spec: { taints } })).toEqual([
      'spec.taints[1]: Duplicate value: core.Taint{Key:"k", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
    ]);
  });
  it("checks role rules and binding references", () => {
    expect(
      create("roles", { metadata: { name: "r", namespace: "default" }, rules: [{ resources: ["pods"] }] }),
    ).toEqual([
      "rules[0].verbs: Required value: verbs must contain at least one value",
      "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
    ]);
    expect(
      create("rolebindings", {
        metadata: { name: "b", namespace: "default" },
        roleRef: { kind: "Secret", name: "r" },
        subjects: [{ kind: "Robot", name: "x" }],
      }),
    ).toEqual([
      'roleRef.kind: Unsupported value: "Secret": supported values: "Role", "ClusterRole"',
      'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
  });
});
