import { describe, expect, it } from "vitest";
import {
  clusterIPRangeError,
  ipInCIDR,
  nodePortInRange,
  nodePortRangeError,
} from "../../sandbox/apiserver/validation/index.ts";
import { create, lines, update } from "./support.ts";

const svc = (spec: Record<string, unknown>, name = "web") => ({
  metadata: { name, namespace: "default" },
  spec,
});

describe("service validation", () => {
  it("accepts a ClusterIP service", () => {
    expect(create("services", svc({ selector: { app: "web" }, ports: [{ port: 80 }] }))).toEqual([]);
  });
  it("uses the DNS-1035 rule for names", () => {
    expect(create("services", svc({ ports: [{ port: 80 }] }, "1abc"))[0]).toMatch(
      /^metadata\.name: Invalid value: "1abc": a DNS-1035 label must consist of/,
    );
  });
  it("requires ports unless headless or ExternalName", () => {
    expect(create("services", svc({}))).toEqual(["spec.ports: Required value"]);
    expect(create("services", svc({ clusterIP: "None" }))).toEqual([]);
    expect(create("services", svc({ type: "ExternalName", externalName: "example.com" }))).toEqual([]);
  });
  it("requires names when there are several ports, and unique ones", () => {
    expect(
      create("services", svc({ ports: [{ port: 80 }, { port: 443, name: "a" }, { port: 8443, name: "a" }] })),
    ).toEqual(["spec.ports[0].name: Required value", 'spec.ports[2].name: Duplicate value: "a"']);
  });
  it("checks port, protocol and targetPort", () => {
    expect(
      create("services", svc({ ports: [{ port: 70000, protocol: "tcp", targetPort: "http_x" }] })),
    ).toEqual([
      "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
      'spec.ports[0].targetPort: Invalid value: "http_x": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });
  it("reports a duplicate port as the Go struct", () => {
    expect(
      create(
        "services",
        svc({
          ports: [
            { port: 80, name: "a" },
            { port: 80, name: "b" },
          ],
        }),
      ),
    ).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });
  it("lists the service types in sorted order", () => {
    expect(create("services", svc({ type: "Internal", ports: [{ port: 80 }] }))).toContain(
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
  });
  it("rejects a malformed cluster IP", () => {
    expect(create("services", svc({ clusterIP: "10.96.0.300", ports: [{ port: 80 }] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });
  it("forbids nodePort on ClusterIP services", () => {
    expect(create("services", svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });
  it("checks selector labels", () => {
    expect(create("services", svc({ selector: { "a b": "x" }, ports: [{ port: 80 }] }))[0]).toMatch(
      /^spec\.selector: Invalid value: "a b": name part must consist of/,
    );
  });
  it("forbids changing the cluster IP", () => {
    const old = svc({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"], ports: [{ port: 80 }] });
    const next = svc({ clusterIP: "10.96.0.11", clusterIPs: ["10.96.0.11"], ports: [{ port: 80 }] });
    expect(update("services", next, old)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set',
    ]);
  });
});

describe("service allocation ranges", () => {
  it("words the nodePort range error as the allocator does", () => {
    expect(nodePortInRange(80, "30000-32767")).toBe(false);
    expect(lines([nodePortRangeError(0, 80, "30000-32767")])).toEqual([
      "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767",
    ]);
  });
  it("words the cluster IP range error as the allocator does", () => {
    expect(ipInCIDR("10.96.0.10", "10.96.0.0/12")).toBe(true);
    expect(ipInCIDR("10.0.0.1", "10.96.0.0/12")).toBe(false);
    expect(lines([clusterIPRangeError("10.0.0.1", "10.96.0.0/12")])).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
  });
});
