import { describe, expect, it } from "vitest";
import type { Pod, ServiceAccount } from "../../sandbox/api/types.ts";
import { parseKubectl } from "../../sandbox/kubectl/cli/index.ts";
import { lab } from "../network/support.ts";
import { expectGolden } from "../support/golden.ts";

const API = "https://172.30.1.2:6443";
const ISSUER = "https://kubernetes.default.svc.cluster.local";

// The lesson's setup: a service account allowed to view the default namespace.
function withBot() {
  const l = lab();
  l.run("kubectl create sa bot");
  l.run("kubectl create rolebinding bot-view --clusterrole=view --serviceaccount=default:bot");
  // curl with the token held in $TOKEN, as the lesson types it.
  const curl = (path: string) =>
    JSON.parse(l.run(`curl -sk -H "Authorization: Bearer $TOKEN" ${API}${path}`).stdout) as Record<
      string,
      unknown
    >;
  return { l, curl };
}

// The claims of a JWT: the base64url JSON of its middle part.
function claims(token: string): Record<string, unknown> & { "kubernetes.io": Record<string, unknown> } {
  const b64 = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(b64));
}

const err = (stderr: string) => ({ stdout: "", stderr: `${stderr}\n`, exitCode: 1 });

describe("kubectl create token with RBAC over HTTPS", () => {
  it("lists pods the view binding allows, with the token from command substitution", () => {
    const { l, curl } = withBot();
    l.run("kubectl run web --image=nginx");
    expect(l.run("TOKEN=$(kubectl create token bot)").exitCode).toBe(0);
    const list = curl("/api/v1/namespaces/default/pods");
    expect(list.kind).toBe("PodList");
    expect((list.items as Pod[]).map((p) => p.metadata.name)).toEqual(["web"]);
  });

  it("answers a request outside the binding with RBAC's Forbidden words", () => {
    const { l, curl } = withBot();
    l.run("TOKEN=$(kubectl create token bot)");
    expect(curl("/api/v1/namespaces/kube-system/pods")).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message:
        'pods is forbidden: User "system:serviceaccount:default:bot" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    });
  });

  it("rejects the token once it expires (401)", () => {
    const { l, curl } = withBot();
    l.run("TOKEN=$(kubectl create token bot --duration=10m)");
    l.run("sleep 599");
    expect(curl("/api/v1/namespaces/default/pods").kind).toBe("PodList");
    l.run("sleep 1");
    expect(curl("/api/v1/namespaces/default/pods")).toMatchObject({ code: 401, message: "Unauthorized" });
  });

  it("rejects the token of a deleted service account, and still after it is recreated", () => {
    const { l, curl } = withBot();
    l.run("TOKEN=$(kubectl create token bot)");
    l.run("kubectl delete sa bot");
    expect(curl("/api/v1/namespaces/default/pods").code).toBe(401);
    l.run("kubectl create sa bot");
    expect(curl("/api/v1/namespaces/default/pods").code).toBe(401);
    l.run("TOKEN=$(kubectl create token bot)");
    expect(curl("/api/v1/namespaces/default/pods").kind).toBe("PodList");
  });

  it("rejects a token whose audience is not the API server's", () => {
    const { l, curl } = withBot();
    l.run("TOKEN=$(kubectl create token bot --audience https://vault.example.com)");
    expect(curl("/api/v1/namespaces/default/pods").code).toBe(401);
  });

  it("rejects a pod-bound token once its pod is deleted", () => {
    const { l, curl } = withBot();
    l.run('kubectl run web --image=nginx --overrides=\'{"spec":{"serviceAccountName":"bot"}}\'');
    l.run("TOKEN=$(kubectl create token bot --bound-object-kind Pod --bound-object-name web)");
    expect(curl("/api/v1/namespaces/default/pods").kind).toBe("PodList");
    l.run("kubectl delete pod web --grace-period=0 --force");
    expect(curl("/api/v1/namespaces/default/pods").code).toBe(401);
  });
});

describe("kubectl create token", () => {
  it("prints the bare token in a script and adds a newline at a terminal", () => {
    const { l } = withBot();
    const script = l.run("kubectl create token bot");
    expect(script.stdout).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{342}$/);
    l.shell.interactive = true;
    expect(l.run("kubectl create token bot").stdout).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{342}\n$/);
  });

  it("issues the claims of an unbound token: an hour, the API server's audience, a jti", () => {
    const { l } = withBot();
    const c = claims(l.run("kubectl create token bot").stdout);
    const sa = l.cluster.api.get<ServiceAccount>("serviceaccounts", "default", "bot");
    expect(Object.keys(c)).toEqual(["aud", "exp", "iat", "iss", "jti", "kubernetes.io", "nbf", "sub"]);
    expect(c.aud).toEqual([ISSUER]);
    expect(c.iss).toBe(ISSUER);
    expect(c.sub).toBe("system:serviceaccount:default:bot");
    expect(c.iat).toBe(Math.floor(l.cluster.loop.now() / 1000));
    expect(c.nbf).toBe(c.iat);
    expect((c.exp as number) - (c.iat as number)).toBe(3600);
    expect(c.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c["kubernetes.io"]).toEqual({
      namespace: "default",
      serviceaccount: { name: "bot", uid: sa.metadata.uid },
    });
  });

  it("asks for the lifetime and audiences given", () => {
    const { l } = withBot();
    const c = claims(l.run("kubectl create token bot --duration=2h --audience a --audience b").stdout);
    expect((c.exp as number) - (c.iat as number)).toBe(7200);
    expect(c.aud).toEqual(["a", "b"]);
  });

  it("binds a token to a pod, naming the pod and its node", () => {
    const { l } = withBot();
    l.run('kubectl run web --image=nginx --overrides=\'{"spec":{"serviceAccountName":"bot"}}\'');
    l.run("sleep 5");
    const pod = l.cluster.api.get<Pod>("pods", "default", "web");
    const c = claims(
      l.run("kubectl create token bot --bound-object-kind Pod --bound-object-name web").stdout,
    );
    expect(c["kubernetes.io"].pod).toEqual({ name: "web", uid: pod.metadata.uid });
    expect((c["kubernetes.io"].node as { name: string }).name).toBe(pod.spec.nodeName);
    expect(c["kubernetes.io"].warnafter).toBeUndefined();
  });

  it("binds a token to a secret, which must still exist for the token to authenticate", () => {
    const { l, curl } = withBot();
    l.run("kubectl create secret generic s --from-literal=a=b");
    l.run("TOKEN=$(kubectl create token bot --bound-object-kind Secret --bound-object-name s)");
    const token = l.run('printf %s "$TOKEN"').stdout;
    const uid = l.cluster.api.get("secrets", "default", "s").metadata.uid;
    expect(claims(token)["kubernetes.io"].secret).toEqual({ name: "s", uid });
    expect(curl("/api/v1/namespaces/default/pods").kind).toBe("PodList");
    l.run("kubectl delete secret s");
    expect(curl("/api/v1/namespaces/default/pods").code).toBe(401);
  });

  it("prints the TokenRequest the server returns with -o yaml", () => {
    const { l } = withBot();
    const out = l.run("kubectl create token bot -o yaml").stdout;
    const head = out.slice(0, out.indexOf("  token: "));
    expect(head.replace(/"[0-9TZ:-]+"/g, "TIME")).toBe(
      `apiVersion: authentication.k8s.io/v1
kind: TokenRequest
metadata:
  creationTimestamp: TIME
  name: bot
  namespace: default
spec:
  audiences:
  - ${ISSUER}
  boundObjectRef: null
  expirationSeconds: 3600
status:
  expirationTimestamp: TIME
`,
    );
    expect(l.run("kubectl create token bot -o name").stdout).toBe("tokenrequest.authentication.k8s.io/bot\n");
  });

  it("fails for a missing service account with the server's NotFound", () => {
    const { l } = withBot();
    expect(l.run("kubectl create token nope")).toEqual(
      err('error: failed to create token: serviceaccounts "nope" not found'),
    );
  });

  it("fails for a lifetime under ten minutes with the server's validation error", () => {
    const { l } = withBot();
    expect(l.run("kubectl create token bot --duration=599s")).toEqual(
      err(
        'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes',
      ),
    );
    expect(l.run("kubectl create token bot --duration=4294967297s").stderr).toBe(
      'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds\n',
    );
  });

  it("checks its flags before sending anything", () => {
    const { l } = withBot();
    const cases: [string, string][] = [
      ["--duration=-10m", "--duration must be greater than or equal to 0"],
      ["--duration=600500ms", "--duration cannot be expressed in units less than seconds"],
      ["--audience=", "--audience must not be an empty string"],
      ["--bound-object-name=x", "--bound-object-name can only be set if --bound-object-kind is provided"],
      ["--bound-object-uid=x", "--bound-object-uid can only be set if --bound-object-kind is provided"],
      ["--bound-object-kind=Node", "supported --bound-object-kind values are Pod, Secret"],
      ["--bound-object-kind=Pod", "--bound-object-name is required if --bound-object-kind is provided"],
    ];
    for (const [flag, message] of cases)
      expect(l.run(`kubectl create token bot ${flag}`)).toEqual(err(`error: ${message}`));
  });

  it("fails for a bound object that is missing, elsewhere bound, or has another uid", () => {
    const { l } = withBot();
    l.run("kubectl run web --image=nginx");
    l.run("kubectl create secret generic s --from-literal=a=b");
    const bind = (rest: string) => l.run(`kubectl create token bot ${rest}`).stderr;
    expect(bind("--bound-object-kind Pod --bound-object-name nope")).toBe(
      'error: failed to create token: pods "nope" not found\n',
    );
    expect(bind("--bound-object-kind Pod --bound-object-name web")).toBe(
      'error: failed to create token: cannot bind token for serviceaccount "bot" to pod running with different serviceaccount name.\n',
    );
    expect(bind("--bound-object-kind Secret --bound-object-name s --bound-object-uid 123")).toBe(
      'error: failed to create token: Operation cannot be fulfilled on Secret "s": the UID in the bound object reference (123) does not match the UID in record. The object might have been deleted and then recreated\n',
    );
  });

  it("is refused to a user RBAC does not let create serviceaccounts/token", () => {
    const { l } = withBot();
    expect(l.run("kubectl create token bot --as jane")).toEqual(
      err(
        'error: failed to create token: serviceaccounts "bot" is forbidden: User "jane" cannot create resource "serviceaccounts/token" in API group "" in the namespace "default"',
      ),
    );
  });

  it("prints its help page", () => {
    const r = parseKubectl(["create", "token", "--help"]);
    expect(r.ok).toBe(false);
    expectGolden("rbac/create-token-help.txt", r.ok ? "" : r.stdout);
  });
});
