import { describe, expect, it } from "vitest";
import { lab } from "./support.ts";

const RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: default}
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- {kind: ServiceAccount, name: default, namespace: default}
`;

function inPod() {
  const l = lab();
  l.run("kubectl run c --image=nginx");
  l.run("sleep 10");
  const token = '"Authorization: Bearer $(cat /var/run/secrets/kubernetes.io/serviceaccount/token)"';
  const curl = (path: string, flags = "") =>
    l.run(`kubectl exec c -- sh -c 'curl -sk ${flags} https://kubernetes.default.svc${path} -H ${token}'`)
      .stdout;
  return { l, curl };
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe("the API server over HTTPS with a service-account token", () => {
  it("authenticates the pod's token and names its service account in a denial", () => {
    const { curl } = inPod();
    expect(json(curl("/api/v1/namespaces/default/pods"))).toMatchObject({
      code: 403,
      message:
        'pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"',
    });
  });

  it("serves what RBAC allows: a list without TypeMeta on its items, an object with it, NotFound", () => {
    const { l, curl } = inPod();
    l.run(`kubectl apply -f - <<EOF\n${RBAC}EOF`);
    const list = json(curl("/api/v1/namespaces/default/pods"));
    expect(Object.keys(list)).toEqual(["kind", "apiVersion", "metadata", "items"]);
    expect(list.kind).toBe("PodList");
    const items = list.items as Record<string, unknown>[];
    expect(items.map((p) => (p.metadata as { name: string }).name)).toEqual(["c"]);
    expect(items[0].kind).toBeUndefined();
    const pod = curl("/api/v1/namespaces/default/pods/c");
    expect(pod.startsWith('{\n  "kind": "Pod",\n  "apiVersion": "v1",\n  "metadata": {')).toBe(true);
    expect(json(curl("/api/v1/namespaces/default/pods/nope"))).toMatchObject({
      code: 404,
      reason: "NotFound",
      message: 'pods "nope" not found',
    });
    expect(json(curl("/api/v1/namespaces/default/pods/c", "-X DELETE")).message).toBe(
      'pods "c" is forbidden: User "system:serviceaccount:default:default" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
  });

  it("answers 401 for a token it cannot authenticate", () => {
    const l = lab();
    const r = l.run("curl -sk https://172.30.1.2:6443/api/v1/pods -H 'Authorization: Bearer abc.def.ghi'");
    expect(json(r.stdout)).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "Unauthorized",
      reason: "Unauthorized",
      code: 401,
    });
  });

  it("no longer accepts a pod's token once the pod is gone (a bound token)", () => {
    const { l } = inPod();
    const token = l
      .run("kubectl exec c -- cat /var/run/secrets/kubernetes.io/serviceaccount/token")
      .stdout.trim();
    l.run("kubectl delete pod c --grace-period=0 --force");
    const r = l.run(`curl -sk https://172.30.1.2:6443/api/v1/pods -H 'Authorization: Bearer ${token}'`);
    expect(json(r.stdout).code).toBe(401);
  });

  it("lets anyone read kube-public's cluster-info, as kubeadm's binding says, and nothing next to it", () => {
    const l = lab();
    const api = "https://172.30.1.2:6443/api/v1/namespaces/kube-public/configmaps";
    expect(json(l.run(`curl -sk ${api}/cluster-info`).stdout)).toMatchObject({
      kind: "ConfigMap",
      metadata: { name: "cluster-info" },
    });
    expect(json(l.run(`curl -sk ${api}`).stdout).code).toBe(403);
  });
});
