import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/cluster/cluster.ts";

const widgets = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widget-reader
  labels:
    rbac.authorization.k8s.io/aggregate-to-view: "true"
rules:
- apiGroups: ["example.com"]
  resources: ["widgets"]
  verbs: ["get", "list"]
`;

describe("the clusterrole-aggregation controller", () => {
  it("adds a labelled ClusterRole's rules to view, and through view to edit and admin", () => {
    const c = createCluster();
    const sh = c.shell();
    sh.run(`kubectl apply -f - <<EOF\n${widgets}EOF`);
    c.advance(1000);
    for (const role of ["view", "edit", "admin"])
      expect(sh.run(`kubectl describe clusterrole ${role}`).stdout).toContain("  widgets.example.com  ");
    expect(sh.run("kubectl auth can-i list widgets.example.com --as jane").stdout).toBe("no\n");
  });

  it("takes the rules back out when the role's label stops matching", () => {
    const c = createCluster();
    const sh = c.shell();
    sh.run(`kubectl apply -f - <<EOF\n${widgets}EOF`);
    c.advance(1000);
    sh.run(
      "kubectl label clusterrole widget-reader rbac.authorization.k8s.io/aggregate-to-view=false --overwrite",
    );
    c.advance(1000);
    expect(sh.run("kubectl describe clusterrole view").stdout).not.toContain("widgets.example.com");
  });
});

describe("a user's own aggregated ClusterRole", () => {
  it("selects roles by matchExpressions as well as matchLabels", () => {
    const c = createCluster();
    const sh = c.shell();
    const roles = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
aggregationRule:
  clusterRoleSelectors:
  - matchExpressions:
    - key: team
      operator: In
      values: ["obs", "sre"]
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: read-metrics
  labels:
    team: obs
rules:
- apiGroups: [""]
  resources: ["nodes"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: read-secrets
  labels:
    team: dev
rules:
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
`;
    sh.run(`kubectl apply -f - <<EOF\n${roles}EOF`);
    c.advance(1000);
    const rules = sh.run("kubectl get clusterrole monitoring -o jsonpath={.rules}").stdout;
    expect(rules).toBe('[{"apiGroups":[""],"resources":["nodes"],"verbs":["get"]}]');
  });
});
