import { describe, expect, it } from "vitest";
import { NetStack } from "../../sandbox/network/stack.ts";

// A long routing table indexes its destinations: it must answer exactly as a scan of the table would.
describe("a namespace's routing table", () => {
  const route = (i: number, dev = "flannel.1") => ({ dst: `10.250.${i}.0/24`, via: `10.250.${i}.0`, dev });

  it("keeps one route per destination and forgets removed ones, short and long", () => {
    const a = new NetStack(1);
    for (let i = 0; i < 40; i++) {
      a.addRoute(route(i, i % 3 === 0 ? "cni0" : "flannel.1"));
      a.addRoute(route(i));
      expect(a.hasRoute(`10.250.${i}.0/24`)).toBe(true);
      expect(a.hasRoute(`10.251.${i}.0/24`)).toBe(false);
    }
    expect(a.routes.length).toBe(40);
    a.removeRoute("10.250.5.0/24", "cni0");
    expect(a.hasRoute("10.250.5.0/24")).toBe(true);
    a.removeRoute("10.250.5.0/24", "flannel.1");
    expect(a.hasRoute("10.250.5.0/24")).toBe(false);
    a.removeLink("cni0");
    expect(a.routes.length).toBe(25);
    for (let i = 0; i < 40; i++) expect(a.hasRoute(`10.250.${i}.0/24`)).toBe(i % 3 !== 0 && i !== 5);
    a.addRoute(route(3));
    a.addRoute(route(5000));
    expect(a.hasRoute("10.250.3.0/24")).toBe(true);
    expect(a.hasRoute("10.250.5000.0/24")).toBe(true);
    expect(a.routes.map((r) => r.dst).slice(-2)).toEqual(["10.250.3.0/24", "10.250.5000.0/24"]);
  });
});
