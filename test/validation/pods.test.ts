import { describe, expect, it } from "vitest";
import { quantityDecodeError } from "../../sandbox/apiserver/validation/index.ts";
import { create, pod, update } from "./support.ts";

const c = (extra: Record<string, unknown>) => ({ name: "c", image: "nginx", ...extra });

describe("pod create validation", () => {
  it("accepts a minimal pod", () => {
    expect(create("pods", pod())).toEqual([]);
  });
  it("requires containers", () => {
    expect(create("pods", pod({ containers: [] }))).toEqual(["spec.containers: Required value"]);
  });
  it("requires name and image, name first", () => {
    expect(create("pods", pod({ containers: [{}] }))).toEqual([
      "spec.containers[0].name: Required value",
      "spec.containers[0].image: Required value",
    ]);
  });
  it("requires a DNS-label container name", () => {
    expect(create("pods", pod({ containers: [c({ name: "Web" })] }))[0]).toMatch(
      /^spec\.containers\[0\]\.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of/,
    );
  });
  it("rejects duplicate container names", () => {
    expect(create("pods", pod({ containers: [c({}), c({})] }))).toEqual([
      'spec.containers[1].name: Duplicate value: "c"',
    ]);
  });
  it("checks container ports", () => {
    const ports = [
      { containerPort: 70000, name: "http" },
      { containerPort: 80, protocol: "tcp", name: "http" },
    ];
    expect(create("pods", pod({ containers: [c({ ports })] }))).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.containers[0].ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it("lists supported restart and DNS policies in the real order", () => {
    expect(create("pods", pod({ restartPolicy: "Sometimes", dnsPolicy: "Google" }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });
  it("reports volumes before containers, and mounts of unknown volumes", () => {
    const volumes = [{ name: "data" }, { name: "data" }, { name: "Bad" }];
    const containers = [c({ volumeMounts: [{ name: "x", mountPath: "/x" }] })];
    const out = create("pods", pod({ volumes, containers }));
    expect(out[0]).toBe('spec.volumes[1].name: Duplicate value: "data"');
    expect(out[1]).toMatch(/^spec\.volumes\[2\]\.name: Invalid value: "Bad": a lowercase RFC 1123 label/);
    expect(out[2]).toBe('spec.containers[0].volumeMounts[0].name: Not found: "x"');
  });
  it("checks nodeSelector labels", () => {
    expect(create("pods", pod({ nodeSelector: { disk: "ssd!" } }))[0]).toMatch(
      /^spec\.nodeSelector: Invalid value: "ssd!": a valid label must be an empty string/,
    );
  });
  it("checks toleration operators and effects", () => {
    const tolerations = [
      { key: "k", operator: "Maybe" },
      { operator: "Equal", value: "v" },
      { key: "k", operator: "Exists", effect: "Never" },
    ];
    expect(create("pods", pod({ tolerations }))).toEqual([
      'spec.tolerations[0].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
      'spec.tolerations[1].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
  it("rejects negative quantities and requests above limits", () => {
    const resources = { requests: { cpu: "2", memory: "-1" }, limits: { cpu: "1" } };
    expect(create("pods", pod({ containers: [c({ resources })] }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });
  it("rejects unknown resource names unquoted, as ResourceName prints", () => {
    expect(create("pods", pod({ containers: [c({ resources: { limits: { gpu: "1" } } })] }))).toEqual([
      "spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified",
      "spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified",
    ]);
  });
  it("turns a malformed quantity into the decode error", () => {
    expect(
      quantityDecodeError("pods", pod({ containers: [c({ resources: { limits: { cpu: "one" } } })] })),
    ).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(
      quantityDecodeError(
        "pods",
        pod({ containers: [c({ resources: { limits: { cpu: "500m", memory: 1e9 } } })] }),
      ),
    ).toBe(undefined);
  });
  it("requires metadata.name and a valid namespace", () => {
    expect(create("pods", { metadata: { namespace: "Bad" }, spec: { containers: [c({})] } })).toEqual([
      "metadata.name: Required value: name or generateName is required",
      expect.stringMatching(/^metadata\.namespace: Invalid value: "Bad": a lowercase RFC 1123 label/),
    ]);
  });
});

describe("pod update validation", () => {
  it("allows an image change of the stored pod", () => {
    const stored = pod({ containers: [c({ imagePullPolicy: "Always" })] });
    expect(
      update("pods", pod({ containers: [c({ image: "nginx:1.27", imagePullPolicy: "Always" })] }), stored),
    ).toEqual([]);
  });
  it("treats a re-defaulted pull policy as a forbidden change, as a full PUT would", () => {
    expect(update("pods", pod({ containers: [c({ image: "nginx:1.27" })] }), pod())[0]).toContain(
      '+ \tContainers: [{"name":"c","image":"nginx","imagePullPolicy":"IfNotPresent"',
    );
  });
  it("forbids other spec changes with the real list of updatable fields", () => {
    const out = update("pods", pod({ nodeName: "node01" }), pod());
    expect(out).toHaveLength(1);
    expect(out[0].split("\n")[0]).toBe(
      "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    );
    expect(out[0]).toContain('+ \tNodeName: "node01",');
  });
  it("forbids adding containers and stops there", () => {
    expect(update("pods", pod({ containers: [c({}), c({ name: "d" })] }), pod())).toEqual([
      "spec.containers: Forbidden: pod updates may not add or remove containers",
    ]);
  });
  it("forbids renaming the pod", () => {
    expect(update("pods", pod({}, "y"), pod())).toContain(
      'metadata.name: Invalid value: "y": field is immutable',
    );
  });
});
