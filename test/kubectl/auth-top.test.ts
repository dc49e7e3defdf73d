import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/cluster/cluster.ts";
import { expectGolden } from "../support/golden.ts";
import { type Harness, makeHarness } from "./harness.ts";

const RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- apiGroups: [""]
  resources: ["pods", "pods/log"]
  verbs: ["get", "list"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  resourceNames: ["web"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: bot, namespace: dev}
- {kind: Group, name: readers, apiGroup: rbac.authorization.k8s.io}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-watcher}
rules:
- apiGroups: ["*"]
  resources: ["nodes"]
  verbs: ["*"]
- nonResourceURLs: ["/healthz", "/logs/*"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: watch-nodes}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-watcher}
subjects:
- {kind: Group, name: system:serviceaccounts, apiGroup: rbac.authorization.k8s.io}
`;

function withRbac(): Harness {
  const h = makeHarness();
  h.kubectl("create namespace dev");
  h.kubectl("apply -f -", RBAC);
  return h;
}

describe("kubectl auth can-i", () => {
  it("says yes to the admin, exit 0", () => {
    expect(makeHarness().kubectl("auth can-i create deployments.apps")).toEqual({
      stdout: "yes\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("lets system:anonymous read kube-public's cluster-info through kubeadm's binding", () => {
    const sh = createCluster().shell();
    const r = sh.run("kubectl auth can-i get configmaps/cluster-info -n kube-public --as=system:anonymous");
    expect(r).toEqual({ stdout: "yes\n", stderr: "", exitCode: 0 });
    expect(sh.run("kubectl auth can-i list pods --as=system:anonymous")).toEqual({
      stdout: "no\n",
      stderr: "",
      exitCode: 1,
    });
  });

  it("matches a User subject by verb, resource and namespace", () => {
    const h = withRbac();
    expect(h.kubectl("auth can-i list pods -n dev --as=jane").stdout).toBe("yes\n");
    expect(h.kubectl("auth can-i delete pods -n dev --as=jane").stdout).toBe("no\n");
    expect(h.kubectl("auth can-i list pods -n default --as=jane").exitCode).toBe(1);
  });

  it("matches subresources and resource names", () => {
    const h = withRbac();
    expect(h.kubectl("auth can-i get pods --subresource=log -n dev --as=jane").stdout).toBe("yes\n");
    expect(h.kubectl("auth can-i get pods --subresource=exec -n dev --as=jane").stdout).toBe("no\n");
    expect(h.kubectl("auth can-i get deployments/web -n dev --as=jane").stdout).toBe("yes\n");
    expect(h.kubectl("auth can-i get deployments/api -n dev --as=jane").stdout).toBe("no\n");
  });

  it("matches Group subjects from --as-group", () => {
    const h = withRbac();
    expect(h.kubectl("auth can-i list pods -n dev --as=bob --as-group=readers").stdout).toBe("yes\n");
    expect(h.kubectl("auth can-i list pods -n dev --as=bob").stdout).toBe("no\n");
  });

  it("gives a service account its implicit groups", () => {
    const h = withRbac();
    const as = "--as=system:serviceaccount:dev:bot";
    expect(h.kubectl(`auth can-i list pods -n dev ${as}`).stdout).toBe("yes\n");
    // node-watcher is bound to system:serviceaccounts; "*" matches any group and verb.
    expect(h.kubectl(`auth can-i delete nodes -A ${as}`).stdout).toBe("yes\n");
    expect(h.kubectl(`auth can-i get /logs/kubelet.log ${as}`).stdout).toBe("yes\n");
    expect(h.kubectl(`auth can-i get /metrics ${as}`).stdout).toBe("no\n");
  });

  it("warns about cluster-scoped resources checked in a namespace", () => {
    expect(makeHarness().kubectl("auth can-i list nodes").stderr).toBe(
      "Warning: resource 'nodes' is not namespace scoped\n\n",
    );
  });

  it("warns about unknown resource types and verbs", () => {
    expect(makeHarness().kubectl("auth can-i frob widgets").stderr).toBe(
      "Warning: the server doesn't have a resource type 'widgets'\n\nWarning: verb 'frob' is not a known verb\n\n",
    );
  });

  it("prints nothing with --quiet but keeps the exit code", () => {
    expect(withRbac().kubectl("auth can-i delete pods -n dev --as=jane -q")).toEqual({
      stdout: "",
      stderr: "",
      exitCode: 1,
    });
  });

  it("gives the RBAC reason when a binding names a missing role", () => {
    const h = withRbac();
    const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: view, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: viewer}
subjects: [{kind: User, name: amy, apiGroup: rbac.authorization.k8s.io}]
`;
    h.kubectl("apply -f -", binding);
    expect(h.kubectl("auth can-i list pods -n dev --as=amy").stdout).toBe(
      'no - RBAC: clusterrole.rbac.authorization.k8s.io "viewer" not found\n',
    );
  });

  it("needs two arguments", () => {
    expect(makeHarness().kubectl("auth can-i get").stderr).toBe(
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
    );
  });

  it("lists what a user may do with --list", () => {
    const h = withRbac();
    expectGolden(
      "kubectl/auth-can-i-list.txt",
      h.kubectl("auth can-i --list -n dev --as=system:serviceaccount:dev:bot").stdout,
    );
  });

  it("lists cluster-admin's rules and the authenticated users' ones for the admin", () => {
    expectGolden("kubectl/auth-can-i-list-admin.txt", makeHarness().kubectl("auth can-i --list").stdout);
  });
});

describe("kubectl top", () => {
  it("reports that the Metrics API is not available for nodes", () => {
    expect(makeHarness().kubectl("top node")).toEqual({
      stdout: "",
      stderr: "error: Metrics API not available\n",
      exitCode: 1,
    });
  });

  it("reports the same for pods", () => {
    expect(makeHarness().kubectl("top pods -A").stderr).toBe("error: Metrics API not available\n");
  });

  it("checks --sort-by first", () => {
    expect(makeHarness().kubectl("top node --sort-by=disk").stderr).toBe(
      "error: --sort-by accepts only cpu or memory\n",
    );
  });

  it("prints its help to stderr when run bare", () => {
    const r = makeHarness().kubectl("top");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Display Resource \(CPU\/Memory\) usage\.\n/);
  });
});

describe("kubectl api-versions", () => {
  it("prints the served group/versions, sorted", () => {
    expect(makeHarness().kubectl("api-versions").stdout).toBe(
      "apps/v1\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nrbac.authorization.k8s.io/v1\nv1\n",
    );
  });

  it("rejects arguments", () => {
    expect(makeHarness().kubectl("api-versions x").stderr).toBe(
      "error: unexpected arguments: [x]\nSee 'kubectl api-versions -h' for help and examples\n",
    );
  });
});

describe("--as on other commands", () => {
  it("authorizes each request as the impersonated user", () => {
    const h = withRbac();
    h.kubectl("run web --image=nginx -n dev");
    expect(h.kubectl("get pods -n dev --as=jane")).toMatchObject({ exitCode: 0 });
    expect(h.kubectl("get pods --as=jane")).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n',
      exitCode: 1,
    });
    expect(h.kubectl("get nodes --as=jane").stderr).toBe(
      'Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n',
    );
  });

  it("names the object, and checks changes as the patches kubectl sends", () => {
    const h = withRbac();
    h.kubectl("run web --image=nginx -n dev");
    expect(h.kubectl("label pod web -n dev tier=front --as=jane").stderr).toBe(
      'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot patch resource "pods" in API group "" in the namespace "dev"\n',
    );
    expect(h.kubectl("get pod web -n dev --show-labels").stdout).not.toContain("tier=front");
  });

  it("lets groups grant access, and leaves commands without --as alone", () => {
    const h = withRbac();
    expect(h.kubectl("get nodes --as=jane --as-group=system:masters").exitCode).toBe(0);
    expect(h.kubectl("get nodes").exitCode).toBe(0);
  });
});
