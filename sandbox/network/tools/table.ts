// The network tools by name, shared by the node shell and `kubectl exec`.

import { runIptables } from "../../node/iptables/command.ts";
import { createIptables } from "../../node/iptables/model.ts";
import type { CommandOutput } from "../../node/ps.ts";
import type { Site } from "../site.ts";
import { runCurl, runWget } from "./http.ts";
import { runIp } from "./ip.ts";
import { runNslookup } from "./nslookup.ts";
import { runNc, runPing } from "./probe.ts";

/** A network tool: runs at a site. */
export type NetTool = (site: Site, args: string[], stdin: string) => CommandOutput;

const empty = createIptables();

/** The tools, by executable name. */
export const NET_TOOLS: Record<string, NetTool> = {
  curl: (s, a) => runCurl(s, a),
  wget: (s, a) => runWget(s, a),
  nc: (s, a, i) => runNc(s, a, i),
  ping: (s, a) => runPing(s, a),
  nslookup: (s, a) => runNslookup(s, a),
  ip: (s, a) => runIp(s.stack, a, s.flavor === "busybox" ? "busybox" : "iproute2"),
  // Pod namespaces have no rules of their own; kube-proxy and flannel program the host's.
  iptables: (s, a) =>
    runIptables(["iptables", ...a], { ipt: s.stack === s.node.host ? s.node.iptables : empty, now: s.now }),
  "iptables-save": (s, a) =>
    runIptables(["iptables-save", ...a], {
      ipt: s.stack === s.node.host ? s.node.iptables : empty,
      now: s.now,
    }),
};
