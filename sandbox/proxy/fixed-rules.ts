// The rules every kube-proxy sync writes whatever the services: masquerading, the localnet guard, forwarding.
import { sharedRule } from "../node/iptables/parse-rule.ts";
import type { Rule } from "../node/iptables/types.ts";

/** The service-independent rules of one sync, parsed once per masquerade mark. */
export interface FixedRules {
  postroutingReturn: Rule;
  postroutingXor: Rule;
  postroutingMasquerade: Rule;
  markMasq: Rule;
  localnetGuard: Rule;
  nodePorts: Rule;
  forwardInvalid: Rule;
  forwardMarked: Rule;
  forwardTracked: Rule;
}

// Keyed on the mark text: one entry per masquerade bit, so at most 32.
const byMark = new Map<string, FixedRules>();

/** The fixed rules for a masquerade mark such as `0x4000`. */
export function fixedRules(mark: string): FixedRules {
  let rules = byMark.get(mark);
  if (rules) return rules;
  const comment = (text: string) => ["-m", "comment", "--comment", text];
  rules = {
    postroutingReturn: sharedRule(["-m", "mark", "!", "--mark", `${mark}/${mark}`, "-j", "RETURN"]),
    postroutingXor: sharedRule(["-j", "MARK", "--xor-mark", mark]),
    postroutingMasquerade: sharedRule([
      ...comment("kubernetes service traffic requiring SNAT"),
      "-j",
      "MASQUERADE",
      "--random-fully",
    ]),
    markMasq: sharedRule(["-j", "MARK", "--or-mark", mark]),
    localnetGuard: sharedRule([
      ...comment("block incoming localnet connections"),
      "-d",
      "127.0.0.0/8",
      "!",
      "-s",
      "127.0.0.0/8",
      "-m",
      "conntrack",
      "!",
      "--ctstate",
      "RELATED,ESTABLISHED,DNAT",
      "-j",
      "DROP",
    ]),
    nodePorts: sharedRule([
      ...comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain"),
      "-m",
      "addrtype",
      "--dst-type",
      "LOCAL",
      "-j",
      "KUBE-NODEPORTS",
    ]),
    forwardInvalid: sharedRule(["-m", "conntrack", "--ctstate", "INVALID", "-j", "DROP"]),
    forwardMarked: sharedRule([
      ...comment("kubernetes forwarding rules"),
      "-m",
      "mark",
      "--mark",
      `${mark}/${mark}`,
      "-j",
      "ACCEPT",
    ]),
    forwardTracked: sharedRule([
      ...comment("kubernetes forwarding conntrack rule"),
      "-m",
      "conntrack",
      "--ctstate",
      "RELATED,ESTABLISHED",
      "-j",
      "ACCEPT",
    ]),
  };
  byMark.set(mark, rules);
  return rules;
}
