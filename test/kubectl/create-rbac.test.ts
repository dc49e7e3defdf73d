import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sandbox/api/types.ts";
import { makeHarness } from "./harness.ts";

describe("kubectl create serviceaccount", () => {
  it("creates it (alias sa) and says so as kubectl does", () => {
    const h = makeHarness();
    expect(h.kubectl("create serviceaccount bot")).toEqual({
      stdout: "serviceaccount/bot created\n",
      stderr: "",
      exitCode: 0,
    });
    expect(h.kubectl("create sa bot").stderr).toBe(
      'Error from server (AlreadyExists): serviceaccounts "bot" already exists\n',
    );
  });
});

describe("kubectl create role and clusterrole", () => {
  it("builds one rule per API group, resolving short names and keeping subresources", () => {
    const h = makeHarness();
    expect(
      h.kubectl("create role r --verb=get,list --verb=get --resource=pods,rs.apps,pods/log").stdout,
    ).toBe("role.rbac.authorization.k8s.io/r created\n");
    const role = h.api.get<{ rules: unknown[] } & KubeObject>("roles", "default", "r");
    expect(role.rules).toEqual([
      { verbs: ["get", "list"], apiGroups: [""], resources: ["pods", "pods/log"] },
      { verbs: ["get", "list"], apiGroups: ["apps"], resources: ["replicasets"] },
    ]);
  });

  it("keeps resource names and non-resource URLs, and prints a client dry run", () => {
    const h = makeHarness();
    const r = h.kubectl(
      "create role r --verb=get --resource=pods --resource-name=web --dry-run=client -o yaml",
    );
    expect(r.stdout).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r\nrules:\n- apiGroups:\n  - ""\n  resourceNames:\n  - web\n  resources:\n  - pods\n  verbs:\n  - get\n',
    );
    h.kubectl("create clusterrole probe --verb=get --non-resource-url=/healthz");
    expect(h.api.get<{ rules: unknown[] } & KubeObject>("clusterroles", undefined, "probe").rules).toEqual([
      { verbs: ["get"], nonResourceURLs: ["/healthz"] },
    ]);
  });

  it("refuses what kubectl refuses, warning on a verb it does not know", () => {
    const h = makeHarness();
    expect(h.kubectl("create role r --verb=get").stderr).toBe(
      "error: at least one resource must be specified\n",
    );
    expect(h.kubectl("create role r --resource=pods").stderr).toBe(
      "error: at least one verb must be specified\n",
    );
    expect(h.kubectl("create role r --verb=fly --resource=foo")).toEqual({
      stdout: "",
      stderr:
        "Warning: 'fly' is not a standard resource verb\nerror: the server doesn't have a resource type \"foo\"\n",
      exitCode: 1,
    });
    expect(h.kubectl("create clusterrole c --verb=list --non-resource-url=/healthz").stderr).toBe(
      "error: invalid verb: 'list' for nonResourceURL\n",
    );
  });
});

describe("kubectl create rolebinding and clusterrolebinding", () => {
  it("lists users, then groups, then service accounts, and grants what the role allows", () => {
    const h = makeHarness();
    h.kubectl("create role pod-reader --verb=get,list --resource=pods");
    h.kubectl("create rolebinding rb --role=pod-reader --serviceaccount=default:bot --group=ops --user=jane");
    const rb = h.api.get<{ subjects: unknown[]; roleRef: unknown } & KubeObject>(
      "rolebindings",
      "default",
      "rb",
    );
    expect(rb.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" });
    expect(rb.subjects).toEqual([
      { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" },
      { kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "ops" },
      { kind: "ServiceAccount", namespace: "default", name: "bot" },
    ]);
    expect(h.kubectl("auth can-i list pods --as=system:serviceaccount:default:bot").stdout).toBe("yes\n");
    expect(h.kubectl("auth can-i list pods --as=jane").stdout).toBe("yes\n");
  });

  it("refuses a binding without exactly one role, or a malformed service account", () => {
    const h = makeHarness();
    expect(h.kubectl("create rolebinding rb --user=jane").stderr).toBe(
      "error: exactly one of clusterrole or role must be specified\n",
    );
    expect(h.kubectl("create rolebinding rb --role=r --clusterrole=c").stderr).toBe(
      "error: exactly one of clusterrole or role must be specified\n",
    );
    expect(h.kubectl("create rolebinding rb --role=r --serviceaccount=bot").stderr).toBe(
      "error: serviceaccount must be <namespace>:<name>\n",
    );
    expect(h.kubectl("create clusterrolebinding crb --clusterrole=view --group=ops").stdout).toBe(
      "clusterrolebinding.rbac.authorization.k8s.io/crb created\n",
    );
  });
});
