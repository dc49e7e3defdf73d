import { describe, expect, it } from "vitest";
import { apiRequestInfo } from "../../sandbox/apiserver/request-info.ts";
import { lab } from "./support.ts";

const l = lab();
const curl = (path: string) => l.run(`curl -k https://172.30.1.2:6443${path}`).stdout;
const message = (body: string) => (JSON.parse(body) as { message: string }).message;

describe("the API server answering curl without credentials", () => {
  it("serves /version to anyone, as system:public-info-viewer allows", () => {
    const body = curl("/version");
    expect(JSON.parse(body)).toMatchObject({ major: "1", minor: "32", gitVersion: "v1.32.4" });
    expect(body.startsWith('{\n  "major": "1",\n')).toBe(true);
    expect(body.endsWith("}")).toBe(true);
  });

  it("words a denied list in a namespace as the RBAC authorizer does", () => {
    const body = curl("/api/v1/namespaces/default/pods");
    expect(message(body)).toBe(
      'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    expect(JSON.parse(body).details).toEqual({ kind: "pods" });
    expect(JSON.parse(body).code).toBe(403);
  });

  it("names the object and group of a denied get", () => {
    const body = curl("/apis/apps/v1/namespaces/kube-system/deployments/coredns");
    expect(message(body)).toBe(
      'deployments.apps "coredns" is forbidden: User "system:anonymous" cannot get resource "deployments" in API group "apps" in the namespace "kube-system"',
    );
    expect(JSON.parse(body).details).toEqual({ name: "coredns", group: "apps", kind: "deployments" });
  });

  it("says 'at the cluster scope' for cluster-scoped kinds and names subresources", () => {
    expect(message(curl("/api/v1/nodes"))).toBe(
      'nodes is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope',
    );
    expect(message(curl("/api/v1/namespaces/default/pods/web/log"))).toBe(
      'pods "web" is forbidden: User "system:anonymous" cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
  });

  it("takes the verb from curl's method: -X POST creates, -X DELETE deletes, -d posts", () => {
    const send = (flags: string, path: string) =>
      message(l.run(`curl -k ${flags} https://172.30.1.2:6443${path}`).stdout);
    expect(send("-X POST", "/api/v1/namespaces/default/pods")).toBe(
      'pods is forbidden: User "system:anonymous" cannot create resource "pods" in API group "" in the namespace "default"',
    );
    expect(send("-X DELETE", "/api/v1/namespaces/default/pods/web")).toBe(
      'pods "web" is forbidden: User "system:anonymous" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
    expect(send("-d x=1", "/api/v1/namespaces")).toContain('cannot create resource "namespaces"');
  });

  it("denies discovery paths as paths, with empty details", () => {
    const body = curl("/api");
    expect(message(body)).toBe('forbidden: User "system:anonymous" cannot get path "/api"');
    expect(JSON.parse(body).details).toEqual({});
  });
});

describe("apiRequestInfo", () => {
  it("reads verbs from the method and the presence of a name", () => {
    expect(apiRequestInfo("GET", "/api/v1/namespaces/default/pods", { watch: "true" }).verb).toBe("watch");
    expect(apiRequestInfo("DELETE", "/api/v1/namespaces/default/pods").verb).toBe("deletecollection");
    expect(apiRequestInfo("POST", "/apis/apps/v1/namespaces/dev/deployments")).toMatchObject({
      verb: "create",
      group: "apps",
      namespace: "dev",
      resource: "deployments",
    });
  });

  it("treats a namespace path as the namespace object, in its own namespace", () => {
    expect(apiRequestInfo("GET", "/api/v1/namespaces/default")).toMatchObject({
      resource: "namespaces",
      name: "default",
      namespace: "default",
    });
    expect(apiRequestInfo("PUT", "/api/v1/namespaces/dev/finalize")).toMatchObject({
      resource: "namespaces",
      name: "dev",
      subresource: "finalize",
    });
  });
});
