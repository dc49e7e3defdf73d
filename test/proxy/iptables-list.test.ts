import { describe, expect, it } from "vitest";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { createIptables } from "../../sandbox/node/iptables/model.ts";
import { formatCount } from "../../sandbox/node/iptables/print-list.ts";
import type { Iptables } from "../../sandbox/node/iptables/types.ts";

function sh(ipt: Iptables, line: string, resolve?: (ip: string) => string | undefined) {
  return runIptables(line.split(" "), { ipt, now: 0, resolve }).stdout;
}

describe("iptables -L", () => {
  it("pads the header to 61 characters, ending in nine spaces", () => {
    const header = sh(createIptables(), "iptables -t nat -L INPUT -n").split("\n")[1];
    expect(header).toBe("target     prot opt source               destination         ");
    expect(header.length).toBe(61);
  });

  it("pads a rule with no extras to 61 characters", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -t nat -A POSTROUTING -j RETURN");
    expect(sh(ipt, "iptables -t nat -L POSTROUTING -n").split("\n")[2]).toBe(
      "RETURN     0    --  0.0.0.0/0            0.0.0.0/0           ",
    );
  });

  it("puts ! in front of a negated destination", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -t nat -N KUBE-MARK-MASQ");
    sh(ipt, "iptables -t nat -A OUTPUT -p tcp ! -d 10.96.0.0/12 -j KUBE-MARK-MASQ");
    expect(sh(ipt, "iptables -t nat -L OUTPUT -n").split("\n")[2]).toBe(
      "KUBE-MARK-MASQ  6    --  0.0.0.0/0           !10.96.0.0/12        ",
    );
  });

  it("names protocols, ports and hosts without -n", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -A INPUT -s 10.0.0.1 -p udp --dport 53 -j ACCEPT");
    const resolve = (ip: string) => (ip === "10.0.0.1" ? "dns-server" : undefined);
    expect(sh(ipt, "iptables -L INPUT", resolve).split("\n")[2]).toBe(
      "ACCEPT     udp  --  dns-server           anywhere             udp dpt:domain",
    );
  });

  it("shows in/out columns and counters with -v", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -A FORWARD -i cni0 ! -o eth0 -j ACCEPT");
    expect(sh(ipt, "iptables -L FORWARD -v").split("\n")).toEqual([
      "Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)",
      " pkts bytes target     prot opt in     out     source               destination         ",
      "    0     0 ACCEPT     all  --  cni0   !eth0   anywhere             anywhere            ",
      "",
    ]);
  });

  it("widens counter columns with -x", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -A INPUT -j ACCEPT");
    expect(sh(ipt, "iptables -L INPUT -n -v -x").split("\n").slice(1, 3)).toEqual([
      "    pkts      bytes target     prot opt in     out     source               destination         ",
      "       0        0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           ",
    ]);
  });

  it("abbreviates large counters with K, M and G", () => {
    expect([99999, 100000, 123456789, 9_999_999_999].map((n) => formatCount(n, false, true))).toEqual([
      "99999 ",
      " 100K ",
      " 123M ",
      "  10G ",
    ]);
  });

  it("prints one rule without headers for -L chain num", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -A INPUT -j ACCEPT");
    sh(ipt, "iptables -A INPUT -j DROP");
    expect(sh(ipt, "iptables -L INPUT 2 -n")).toBe(
      "DROP       0    --  0.0.0.0/0            0.0.0.0/0           \n",
    );
  });

  it("separates chains with one empty line and none at the end", () => {
    const out = sh(createIptables(), "iptables -L -n");
    expect(out.endsWith("destination         \n")).toBe(true);
    expect(out.split("\n\n")).toHaveLength(3);
  });

  it("prints statistic, mark and MARK target texts", () => {
    const ipt = createIptables();
    sh(
      ipt,
      "iptables -t nat -A OUTPUT -m statistic --mode random --probability 0.3333333333 -m mark ! --mark 0x4000/0x4000 -j MARK --xor-mark 0x4000",
    );
    expect(sh(ipt, "iptables -t nat -L OUTPUT -n").split("\n")[2]).toBe(
      "MARK       0    --  0.0.0.0/0            0.0.0.0/0            statistic mode random probability 0.33333333349 mark match ! 0x4000/0x4000 MARK xor 0x4000",
    );
  });
});
