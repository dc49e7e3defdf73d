import { describe, expect, it } from "vitest";
import { typeDecodeError } from "../../sandbox/apiserver/validation/index.ts";
import { createCluster } from "../../sandbox/index.ts";

const run = (lines: string[]) => {
  const sh = createCluster().shell();
  return lines.map((l) => sh.run(l));
};

describe("decoding a request body", () => {
  it("refuses a boolean where a ConfigMap holds strings, as the real decoder does", () => {
    expect(
      typeDecodeError("configmaps", { apiVersion: "v1", metadata: { name: "c" }, data: { on: true } }),
    ).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string',
    );
  });

  it("names the Go struct and the JSON path of a wrongly typed container field", () => {
    const pod = {
      apiVersion: "v1",
      metadata: { name: "p" },
      spec: { containers: [{ name: "c", image: 5 }] },
    };
    expect(typeDecodeError("pods", pod)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
    );
  });

  it("refuses a replica count that is not an integer", () => {
    const d = { apiVersion: "apps/v1", metadata: { name: "d" }, spec: { replicas: "3" } };
    expect(typeDecodeError("deployments", d)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it("reports a YAML 1.1 boolean in kubectl apply as BadRequest and stores nothing", () => {
    const [r] = run([
      "kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  enabled: yes\nEOF",
    ]);
    expect(r).toEqual({
      stdout: "",
      stderr:
        'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string\n',
      exitCode: 1,
    });
  });

  it("refuses a malformed quantity before validation", () => {
    const [r] = run([
      "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: lots\nEOF",
    ]);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
    );
  });
});

describe("ServiceAccount admission", () => {
  it("refuses a pod whose service account does not exist", () => {
    const [r] = run([`kubectl run y --image=nginx --overrides='{"spec":{"serviceAccountName":"robot"}}'`]);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): pods "y" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n',
    );
  });

  it("gives mirror pods no service account and no token volume", () => {
    const [r] = run(["kubectl get pod etcd-controlplane -n kube-system -o yaml"]);
    expect(r.stdout).not.toContain("serviceAccount");
    expect(r.stdout).not.toContain("kube-api-access");
  });
});
