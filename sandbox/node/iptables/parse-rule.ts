// Parse the rule-specification part of an iptables argv: -s/-d/-i/-o/-p, -m matches and -j targets.
import { parseCidr, quantizeProbability } from "./addr.ts";
import { defaultServiceNames } from "./rule-text.ts";
import { CT_STATES, type Match, type PortMatch, PROTOCOLS, type Rule, type Target } from "./types.ts";

/** A PARAMETER_PROBLEM: iptables prints it after its version prefix and exits 2. */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParamError";
  }
}

/** Targets the model implements as extensions; any other -j name must be a chain. */
export const TARGET_EXTENSIONS = ["ACCEPT", "DROP", "RETURN", "DNAT", "SNAT", "MASQUERADE", "MARK", "REJECT"];
const MATCHES = ["comment", "tcp", "udp", "addrtype", "statistic", "mark", "conntrack"];
const ADDR_TYPES = [
  "UNSPEC",
  "UNICAST",
  "LOCAL",
  "BROADCAST",
  "ANYCAST",
  "MULTICAST",
  "BLACKHOLE",
  "UNREACHABLE",
];
const REJECT_TYPES = [
  "icmp-net-unreachable",
  "icmp-host-unreachable",
  "icmp-port-unreachable",
  "icmp-proto-unreachable",
  "icmp-net-prohibited",
  "icmp-host-prohibited",
  "icmp-admin-prohibited",
  "tcp-reset",
];

/** The rule being built, plus the -j name when it may be a chain (resolved by the caller). */
export interface RuleBuilder {
  rule: Rule;
  jump?: { name: string; goto: boolean };
  /** Set when any rule option was given (some commands refuse them). */
  touched: boolean;
}

/** Start an empty rule: no addresses, no matches, no target. */
export function newRuleBuilder(): RuleBuilder {
  return {
    rule: { matches: [], target: { kind: "none" }, counters: { packets: 0, bytes: 0 } },
    touched: false,
  };
}

function parseNumber(text: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text, 16);
  if (/^\d+$/.test(text)) return Number(text);
  return undefined;
}

function parsePort(text: string, proto: "tcp" | "udp"): number {
  const n = parseNumber(text);
  if (n !== undefined && n <= 65535) return n;
  for (let p = 0; p < 65536 && n === undefined; p++) if (defaultServiceNames(p, proto) === text) return p;
  throw new ParamError(`invalid port/service \`${text}' specified`);
}

function parsePorts(text: string, proto: "tcp" | "udp", invert: boolean): PortMatch {
  const [a, b] = text.split(":");
  const from = a === "" ? 0 : parsePort(a, proto);
  const to = b === undefined ? from : b === "" ? 65535 : parsePort(b, proto);
  return { from, to, invert };
}

function parseMarkPair(text: string, option: string): [number, number | undefined] {
  const [v, m] = text.split("/");
  const value = parseNumber(v);
  const mask = m === undefined ? undefined : parseNumber(m);
  if (value === undefined || (m !== undefined && mask === undefined)) {
    throw new ParamError(`Bad ${option.replace(/^--/, "")} value "${text}"`);
  }
  return [value >>> 0, mask === undefined ? undefined : mask >>> 0];
}

/** Parse the value of -p: a name or a number; throws for unknown names. */
export function parseProtocol(text: string): number {
  const lower = text.toLowerCase();
  if (lower in PROTOCOLS) return PROTOCOLS[lower];
  const n = parseNumber(lower);
  if (n !== undefined && n <= 255) return n;
  throw new ParamError(`unknown protocol "${text}" specified`);
}

/** Parse -s/-d values; throws iptables' "host/network not found" error. */
export function parseAddress(text: string): { addr: number; mask: number } {
  const cidr = parseCidr(text === "0/0" ? "0.0.0.0/0" : text);
  if (!cidr) throw new ParamError(`host/network \`${text.split("/")[0]}' not found`);
  return cidr;
}

function lastMatch<K extends Match["kind"]>(rule: Rule, kind: K): Extract<Match, { kind: K }> | undefined {
  for (let i = rule.matches.length - 1; i >= 0; i--) {
    if (rule.matches[i].kind === kind) return rule.matches[i] as Extract<Match, { kind: K }>;
  }
  return undefined;
}

/** Add a `-m name` match; unknown names fail like iptables' extension loader. */
export function addMatch(b: RuleBuilder, name: string): void {
  if (!MATCHES.includes(name))
    throw new ParamError(`Couldn't load match \`${name}':No such file or directory\n`);
  const m: Match =
    name === "comment"
      ? { kind: "comment", text: "" }
      : name === "tcp" || name === "udp"
        ? { kind: name }
        : name === "addrtype"
          ? { kind: "addrtype" }
          : name === "statistic"
            ? { kind: "statistic", mode: "random", probability: 0, invert: false }
            : name === "mark"
              ? { kind: "mark", value: 0, mask: 0xffffffff, invert: false }
              : { kind: "conntrack", states: [], invert: false };
  b.rule.matches.push(m);
  b.touched = true;
}

/** Set the target from `-j name`; extension targets get their defaults, other names are chains. */
export function setJump(b: RuleBuilder, name: string, goto: boolean): void {
  if (b.jump || b.rule.target.kind !== "none") throw new ParamError("multiple -j flags not allowed");
  b.touched = true;
  if (goto || !TARGET_EXTENSIONS.includes(name)) {
    b.jump = { name, goto };
    return;
  }
  const defaults: Record<string, Target> = {
    DNAT: { kind: "DNAT", to: "" },
    SNAT: { kind: "SNAT", to: "", randomFully: false },
    MASQUERADE: { kind: "MASQUERADE", random: false, randomFully: false },
    MARK: { kind: "MARK", value: 0, mask: 0 },
    REJECT: { kind: "REJECT", rejectWith: "icmp-port-unreachable" },
  };
  b.rule.target = defaults[name] ?? { kind: "verdict", name: name as "ACCEPT" | "DROP" | "RETURN" };
}

/**
 * Apply one extension option (`--dport 80`, `--to-destination ip:port` ...) to the rule.
 * Returns false when no loaded match or target owns the option (the caller reports "unknown option").
 */
export function applyExtensionOption(
  b: RuleBuilder,
  option: string,
  value: string | undefined,
  invert: boolean,
): boolean {
  const rule = b.rule;
  const need = () => {
    if (value === undefined) throw new ParamError(`option "${option}" requires an argument`);
    return value;
  };
  const target = rule.target;
  if (target.kind === "DNAT" && (option === "--to-destination" || option === "--to")) target.to = need();
  else if (target.kind === "SNAT" && (option === "--to-source" || option === "--to")) target.to = need();
  else if ((target.kind === "SNAT" || target.kind === "MASQUERADE") && option === "--random-fully")
    target.randomFully = true;
  else if (target.kind === "MASQUERADE" && option === "--random") target.random = true;
  else if (target.kind === "REJECT" && option === "--reject-with") {
    if (!REJECT_TYPES.includes(need())) throw new ParamError(`unknown reject type "${value}"`);
    target.rejectWith = need();
  } else if (target.kind === "MARK" && option.endsWith("-mark")) {
    const [v, m] = parseMarkPair(need(), option);
    if (option === "--set-xmark") Object.assign(target, { value: v, mask: m ?? 0xffffffff });
    else if (option === "--set-mark")
      Object.assign(target, { value: v, mask: ((m ?? 0xffffffff) | v) >>> 0 });
    else if (option === "--or-mark") Object.assign(target, { value: v, mask: v });
    else if (option === "--xor-mark") Object.assign(target, { value: v, mask: 0 });
    else if (option === "--and-mark") Object.assign(target, { value: 0, mask: ~v >>> 0 });
    else return false;
  } else return applyMatchOption(b, option, need, invert);
  return true;
}

function applyMatchOption(b: RuleBuilder, option: string, need: () => string, invert: boolean): boolean {
  const rule = b.rule;
  const comment = lastMatch(rule, "comment");
  if (comment && option === "--comment") {
    comment.text = need();
    return true;
  }
  const l4 = [...rule.matches].reverse().find((m) => m.kind === "tcp" || m.kind === "udp");
  if (l4 && (l4.kind === "tcp" || l4.kind === "udp")) {
    if (option === "--dport" || option === "--destination-port")
      l4.dport = parsePorts(need(), l4.kind, invert);
    else if (option === "--sport" || option === "--source-port")
      l4.sport = parsePorts(need(), l4.kind, invert);
    if (option.endsWith("port")) return true;
  }
  const addrtype = lastMatch(rule, "addrtype");
  if (addrtype && (option === "--src-type" || option === "--dst-type")) {
    const types = need()
      .split(",")
      .map((t) => t.toUpperCase());
    const bad = types.find((t) => !ADDR_TYPES.includes(t));
    if (bad) throw new ParamError(`addrtype: invalid address type "${bad}"`);
    addrtype[option === "--src-type" ? "src" : "dst"] = { types, invert };
    return true;
  }
  const stat = lastMatch(rule, "statistic");
  if (stat && ["--mode", "--probability", "--every", "--packet"].includes(option)) {
    const v = need();
    if (option === "--mode")
      Object.assign(stat, v === "nth" ? { mode: "nth", every: 1, packet: 0 } : { mode: "random" });
    else if (option === "--probability") {
      const p = Number(v);
      if (!(p >= 0 && p <= 1)) throw new ParamError(`invalid --probability ${v}`);
      Object.assign(stat, { probability: quantizeProbability(p), invert });
    } else Object.assign(stat, option === "--every" ? { every: Number(v), invert } : { packet: Number(v) });
    return true;
  }
  const mark = lastMatch(rule, "mark");
  if (mark && option === "--mark") {
    const [v, m] = parseMarkPair(need(), option);
    Object.assign(mark, { value: v, mask: m ?? 0xffffffff, invert });
    return true;
  }
  const ct = lastMatch(rule, "conntrack");
  if (ct && option === "--ctstate") {
    const states = need()
      .split(",")
      .map((s) => s.toUpperCase());
    const bad = states.find((s) => !(CT_STATES as readonly string[]).includes(s));
    if (bad) throw new ParamError(`Bad ctstate "${bad}"`);
    Object.assign(ct, { states: CT_STATES.filter((s) => states.includes(s)), invert });
    return true;
  }
  return false;
}

/**
 * Parse a rule written the way kube-proxy writes it for iptables-restore (without `-A chain`), e.g.
 * `["-m", "comment", "--comment", "x", "-m", "tcp", "-p", "tcp", "-d", "10.96.0.1", "--dport", "443", "-j", "KUBE-SVC-…"]`.
 * Names after -j that are not extension targets become chain jumps.
 */
export function parseRuleArgs(args: string[]): Rule {
  const rule = sharedRule(args);
  return { ...rule, matches: [...rule.matches], counters: { packets: 0, bytes: 0 } };
}

/**
 * Parse a rule like {@link parseRuleArgs}, returning one shared object per distinct argv: callers must
 * not change it (model.ts stores copies, so it suits rules that are only handed to the model).
 */
export function sharedRule(args: readonly string[]): Rule {
  // kube-proxy on every node writes the same rules again on every sync: parse each text once.
  const key = args.join("\u0000");
  let rule = parsedRules.get(key);
  if (!rule) {
    rule = parseRuleWords(args);
    if (parsedRules.size >= 50_000) parsedRules.clear();
    parsedRules.set(key, rule);
  }
  return rule;
}

const parsedRules = new Map<string, Rule>();

function parseRuleWords(args: readonly string[]): Rule {
  const b = newRuleBuilder();
  let invert = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === "!") {
      invert = true;
      continue;
    }
    if (word === "-m") addMatch(b, args[++i]);
    else if (word === "-p") b.rule.proto = { num: parseProtocol(args[++i]), invert };
    else if (word === "-s") b.rule.src = { ...parseAddress(args[++i]), invert };
    else if (word === "-d") b.rule.dst = { ...parseAddress(args[++i]), invert };
    else if (word === "-i") b.rule.inIface = { name: args[++i], invert };
    else if (word === "-o") b.rule.outIface = { name: args[++i], invert };
    else if (word === "-j" || word === "-g") setJump(b, args[++i], word === "-g");
    else {
      const flag = word === "--random" || word === "--random-fully";
      if (!applyExtensionOption(b, word, flag ? undefined : args[i + 1], invert)) {
        throw new ParamError(`unknown option "${word}"`);
      }
      if (!flag) i++;
    }
    invert = false;
  }
  if (b.jump) b.rule.target = { kind: "chain", name: b.jump.name, goto: b.jump.goto };
  return b.rule;
}
