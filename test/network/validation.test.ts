import { describe, expect, it } from "vitest";
import { lab } from "./support.ts";

const l = lab();

function service(name: string, spec: string): string {
  return l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}
EOF`).stderr;
}

describe("Service and Pod networking validation", () => {
  it("rejects a port out of range", () => {
    expect(service("p1", "  ports:\n  - port: 70000\n    targetPort: 80")).toBe(
      'The Service "p1" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
    );
  });

  it("rejects an unknown protocol", () => {
    expect(service("p2", "  ports:\n  - port: 80\n    protocol: HTTP")).toBe(
      'The Service "p2" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"\n',
    );
  });

  it("rejects duplicate port names", () => {
    expect(service("p3", "  ports:\n  - port: 80\n    name: a\n  - port: 81\n    name: a")).toBe(
      'The Service "p3" is invalid: spec.ports[1].name: Duplicate value: "a"\n',
    );
  });

  it("rejects a NodePort already allocated", () => {
    service("p4", "  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080");
    expect(service("p5", "  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080")).toBe(
      'The Service "p5" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
  });

  it("rejects an invalid ClusterIP", () => {
    expect(service("p6", "  clusterIP: 10.96.0.300\n  ports:\n  - port: 80")).toBe(
      'The Service "p6" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
    );
  });

  it("rejects a ClusterIP outside the service CIDR", () => {
    expect(service("p7", "  clusterIP: 1.2.3.4\n  ports:\n  - port: 80")).toContain(
      "the provided IP (1.2.3.4) is not in the valid range. The range of valid IPs is 10.96.0.0/12",
    );
  });

  it("rejects a bad container port protocol", () => {
    const r = l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: badpod
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
      protocol: FOO
EOF`);
    expect(r.stderr).toBe(
      'The Pod "badpod" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "FOO": supported values: "SCTP", "TCP", "UDP"\n',
    );
  });

  it("bounds a connection that nobody answers in virtual time", () => {
    const r = l.run("ssh node01 curl -m 3 http://10.1.2.3");
    expect(r.stderr).toBe("curl: (28) Connection timed out after 3001 milliseconds\n");
  });
});
