import { describe, expect, it } from "vitest";
import type { Service } from "../../sandbox/api/types.ts";
import { lab } from "./support.ts";

const KUBERNETES_VARS = [
  "KUBERNETES_SERVICE_HOST=10.96.0.1",
  "KUBERNETES_SERVICE_PORT=443",
  "KUBERNETES_SERVICE_PORT_HTTPS=443",
  "KUBERNETES_PORT=tcp://10.96.0.1:443",
  "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443",
  "KUBERNETES_PORT_443_TCP_PROTO=tcp",
  "KUBERNETES_PORT_443_TCP_PORT=443",
  "KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1",
];

describe("Service environment variables", () => {
  const l = lab();
  l.run("kubectl create deployment web --image=nginx");
  l.run("kubectl expose deployment web --port=80");
  l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: multi-port
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 8080
    targetPort: 80
  - name: metrics
    port: 9090
    protocol: UDP
---
apiVersion: v1
kind: Service
metadata:
  name: headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
EOF`);
  l.run("kubectl create namespace other");
  l.run("kubectl create service clusterip elsewhere -n other --tcp=80:80");
  l.run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: envy
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "env; sleep 3600"]
    env:
    - name: GREETING
      value: hello
    - name: WEB_SERVICE_PORT
      value: "8000"
    - name: URL
      value: http://$(WEB_SERVICE_HOST):$(WEB_SERVICE_PORT)/$(NOPE)
    - name: MY_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: MY_NAMESPACE
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
    - name: MY_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: MY_NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
---
apiVersion: v1
kind: Pod
metadata:
  name: unlinked
spec:
  enableServiceLinks: false
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
EOF`);
  l.run("sleep 20");
  l.run("kubectl create service clusterip late --tcp=80:80");
  l.run("sleep 2");
  const env = l.run("kubectl exec envy -- env").stdout.split("\n").filter(Boolean);
  const ip = (name: string) => l.service(name).spec.clusterIP;
  const envy = l.pods().find((p) => p.metadata.name === "envy");

  it("gives every container the kubernetes Service's variables", () => {
    for (const v of KUBERNETES_VARS) expect(env).toContain(v);
    const unlinked = l.run("kubectl exec unlinked -- env").stdout;
    for (const v of KUBERNETES_VARS) expect(unlinked).toContain(`${v}\n`);
  });

  it("adds the link family of each Service in the pod's namespace", () => {
    const web = ip("web");
    expect(env).toEqual(
      expect.arrayContaining([
        `WEB_SERVICE_HOST=${web}`,
        `WEB_PORT=tcp://${web}:80`,
        `WEB_PORT_80_TCP=tcp://${web}:80`,
        "WEB_PORT_80_TCP_PROTO=tcp",
        "WEB_PORT_80_TCP_PORT=80",
        `WEB_PORT_80_TCP_ADDR=${web}`,
      ]),
    );
  });

  it("names extra ports after their port name and keeps each port's protocol", () => {
    const mp = ip("multi-port");
    const mine = env.filter((v) => v.startsWith("MULTI_PORT_"));
    expect(mine).toEqual([
      `MULTI_PORT_SERVICE_HOST=${mp}`,
      "MULTI_PORT_SERVICE_PORT=8080",
      "MULTI_PORT_SERVICE_PORT_HTTP=8080",
      "MULTI_PORT_SERVICE_PORT_METRICS=9090",
      `MULTI_PORT_PORT=tcp://${mp}:8080`,
      `MULTI_PORT_PORT_8080_TCP=tcp://${mp}:8080`,
      "MULTI_PORT_PORT_8080_TCP_PROTO=tcp",
      "MULTI_PORT_PORT_8080_TCP_PORT=8080",
      `MULTI_PORT_PORT_8080_TCP_ADDR=${mp}`,
      `MULTI_PORT_PORT_9090_UDP=udp://${mp}:9090`,
      "MULTI_PORT_PORT_9090_UDP_PROTO=udp",
      "MULTI_PORT_PORT_9090_UDP_PORT=9090",
      `MULTI_PORT_PORT_9090_UDP_ADDR=${mp}`,
    ]);
  });

  it("leaves out headless Services, other namespaces and Services created after the container started", () => {
    expect(env.filter((v) => /^(HEADLESS|ELSEWHERE|LATE)_/.test(v))).toEqual([]);
    expect(l.cluster.api.get<Service>("services", "default", "late").spec.clusterIP).toBeTruthy();
  });

  it("gives only the kubernetes variables when enableServiceLinks is false", () => {
    const unlinked = l.run("kubectl exec unlinked -- env").stdout;
    expect(unlinked).not.toContain("WEB_");
    expect(unlinked).not.toContain("MULTI_PORT_");
  });

  it("resolves values, $(VAR) references and fieldRefs of the container's own env", () => {
    expect(env).toEqual(
      expect.arrayContaining([
        "GREETING=hello",
        `URL=http://${ip("web")}:8000/$(NOPE)`,
        "MY_NAME=envy",
        "MY_NAMESPACE=default",
        `MY_IP=${envy?.status?.podIP}`,
        `MY_NODE=${envy?.spec.nodeName}`,
      ]),
    );
  });

  it("lets the container's own variable win over a Service's", () => {
    expect(env.filter((v) => v.startsWith("WEB_SERVICE_PORT="))).toEqual(["WEB_SERVICE_PORT=8000"]);
  });

  it("puts PATH and HOSTNAME first, the container's env before the Services', and HOME last", () => {
    expect(env.slice(0, 3)).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=envy",
      "GREETING=hello",
    ]);
    expect(env.indexOf("MY_NODE=" + envy?.spec.nodeName)).toBeLessThan(env.indexOf(KUBERNETES_VARS[0]));
    expect(env.at(-1)).toBe("HOME=/root");
  });

  it("prints single variables with printenv, failing on an unset one", () => {
    expect(l.run("kubectl exec envy -- printenv HOSTNAME KUBERNETES_SERVICE_HOST").stdout).toBe(
      "envy\n10.96.0.1\n",
    );
    const r = l.run("kubectl exec envy -- printenv LATE_SERVICE_HOST");
    expect(r.stdout).toBe("");
    expect(r.exitCode).toBe(1);
  });

  it("expands the variables in a shell inside the container", () => {
    expect(
      l.run("kubectl exec envy -- sh -c 'echo $KUBERNETES_SERVICE_HOST:$WEB_PORT_80_TCP_PORT'").stdout,
    ).toBe("10.96.0.1:80\n");
  });

  it("gives the container's main process the same environment", () => {
    expect(l.run("kubectl logs envy").stdout.split("\n").filter(Boolean)).toEqual(env);
  });
});
