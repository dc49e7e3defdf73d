import { describe, expect, it } from "vitest";
import { explainConnection } from "../../sandbox/index.ts";
import { lab, WEB_SETUP } from "./support.ts";

describe("explain a packet", () => {
  const l = lab();
  for (const line of WEB_SETUP) l.run(line);

  it("follows DNS, the Service chains, the DNAT and the route to nginx", () => {
    const out = explainConnection(l.cluster, "client", "http://web");
    expect(out).toContain("DNS web.default.svc.cluster.local? -> NOERROR");
    expect(out).toMatch(/-j KUBE-SVC-LOLE4ISW44XBNF3G\n/);
    expect(out).toMatch(/-j DNAT --to-destination 10\.244\.\d+\.\d+:80\n/);
    expect(out).toContain("accepted by nginx");
    expect(out).toMatch(/=> HTTP 200 OK from 10\.244\.\d+\.\d+:80/);
  });

  it("starts on a node's OUTPUT chain when explained from a node", () => {
    const ip = l.service("web").spec.clusterIP;
    const out = explainConnection(l.cluster, "node/node02", `http://${ip}`);
    expect(out).toContain("nat OUTPUT: -A KUBE-SERVICES");
    expect(out).toContain("=> HTTP 200 OK");
  });

  it("ends in the REJECT rule for a Service without endpoints", () => {
    l.run("kubectl create service clusterip none --tcp=80:80");
    l.run("sleep 2");
    const out = explainConnection(l.cluster, "client", "http://none");
    expect(out).toContain('"default/none:80-80 has no endpoints"');
    expect(out).toMatch(/=> Connection refused\n$/);
  });

  it("runs as a node command too", () => {
    const r = l.run("ssh node01 explain --from default/client web:80");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("=> HTTP 200 OK");
  });

  it("answers anonymous HTTPS to the API server with 403 only when curl skips verification", () => {
    expect(l.run("ssh node01 curl -k https://10.96.0.1").stdout).toContain('"reason": "Forbidden"');
    expect(l.run("ssh node01 curl -s https://10.96.0.1").exitCode).toBe(60);
  });
});
