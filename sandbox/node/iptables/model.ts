// The iptables state of a network namespace and the operations iptables(8) and iptables-restore perform.
import { ruleSpecText } from "./rule-text.ts";
import {
  BUILTIN_CHAINS,
  type Chain,
  type ChainSpec,
  type Counters,
  type Iptables,
  type Policy,
  type Rule,
  type Table,
  type TableName,
} from "./types.ts";

/** A libiptc failure; `message` is the libiptc text without the final period. */
export class IptablesError extends Error {
  /** True for EINVAL, which iptables reports with "Run `dmesg' for more information." */
  readonly einval: boolean;
  constructor(message: string, einval = false) {
    super(message);
    this.name = "IptablesError";
    this.einval = einval;
  }
}

const NO_CHAIN = "No chain/target/match by that name";
const BAD_RULE = "Bad rule (does a matching rule exist in that chain?)";

/** Create an empty iptables state with no table loaded yet. */
export function createIptables(): Iptables {
  return { tables: new Map(), loadOrder: [] };
}

/**
 * The counters of every rule and chain no packet has reached: one frozen object, replaced by a chain's or
 * rule's own on its first packet (most of the thousands of rules a cluster holds never count one).
 */
export const ZERO_COUNTERS: Counters = Object.freeze({ packets: 0, bytes: 0 });

function emptyChain(name: string, policy?: Policy): Chain {
  return { name, policy, policyCounters: ZERO_COUNTERS, rules: [] };
}

/** Return a table, loading it (with its built-in chains) on first use, as the kernel autoloads modules. */
export function useTable(ipt: Iptables, name: TableName): Table {
  let table = ipt.tables.get(name);
  if (!table) {
    table = { name, chains: new Map(BUILTIN_CHAINS[name].map((c) => [c, emptyChain(c, "ACCEPT")])) };
    ipt.tables.set(name, table);
    ipt.loadOrder.push(name);
  }
  return table;
}

/** Report whether a chain is one of the table's built-in chains. */
export function isBuiltin(table: Table, chain: string): boolean {
  return BUILTIN_CHAINS[table.name].includes(chain);
}

/** List chains in iptables order: built-ins in their fixed order, then user chains sorted by name. */
export function chainOrder(table: Table): Chain[] {
  const builtins = BUILTIN_CHAINS[table.name].map((name) => table.chains.get(name)!);
  const users = [...table.chains.values()].filter((c) => c.policy === undefined);
  users.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...users];
}

/** Count the rules in the table that jump or go to a chain (the `(N references)` of `-L`). */
export function references(table: Table, chain: string): number {
  let count = 0;
  for (const c of table.chains.values()) {
    for (const rule of c.rules) if (rule.target.kind === "chain" && rule.target.name === chain) count++;
  }
  return count;
}

function chainOrThrow(table: Table, name: string, message = NO_CHAIN): Chain {
  const chain = table.chains.get(name);
  if (!chain) throw new IptablesError(message);
  return chain;
}

// A rule as a chain keeps it: its own counters once non-zero; its matches are shared with the rule given,
// as no one changes a rule's matches once it is parsed.
function stored(rule: Rule): Rule {
  const c = rule.counters;
  return { ...rule, counters: c.packets === 0 && c.bytes === 0 ? ZERO_COUNTERS : { ...c } };
}

function checkJump(table: Table, rule: Rule): void {
  if (rule.target.kind === "chain" && !table.chains.has(rule.target.name)) throw new IptablesError(NO_CHAIN);
}

/** Append a rule (`iptables -A`). */
export function appendRule(table: Table, chain: string, rule: Rule): void {
  const c = chainOrThrow(table, chain);
  checkJump(table, rule);
  c.rules.push(stored(rule));
}

/** Insert a rule at a 1-based position (`iptables -I chain [num]`). */
export function insertRule(table: Table, chain: string, rule: Rule, position = 1): void {
  const c = chainOrThrow(table, chain);
  if (position > c.rules.length + 1) throw new IptablesError("Index of insertion too big");
  checkJump(table, rule);
  c.rules.splice(position - 1, 0, stored(rule));
}

/** Replace the rule at a 1-based position (`iptables -R`). */
export function replaceRule(table: Table, chain: string, position: number, rule: Rule): void {
  const c = chainOrThrow(table, chain);
  if (position > c.rules.length) throw new IptablesError("Index of replacement too big");
  checkJump(table, rule);
  c.rules[position - 1] = stored(rule);
}

/** Delete the rule at a 1-based position (`iptables -D chain num`). */
export function deleteRuleAt(table: Table, chain: string, position: number): void {
  const c = chainOrThrow(table, chain);
  if (position > c.rules.length) throw new IptablesError("Index of deletion too big");
  c.rules.splice(position - 1, 1);
}

/** Find the first rule equal to a specification, or -1 (equality ignores counters, like iptables -C). */
export function findRule(table: Table, chain: string, rule: Rule): number {
  const c = chainOrThrow(table, chain, BAD_RULE);
  const wanted = ruleSpecText(rule);
  return c.rules.findIndex((r) => ruleSpecText(r) === wanted);
}

/** Delete the first rule matching a specification (`iptables -D chain rule-spec`). */
export function deleteRule(table: Table, chain: string, rule: Rule): void {
  const index = findRule(table, chain, rule);
  if (index < 0) throw new IptablesError(BAD_RULE);
  table.chains.get(chain)!.rules.splice(index, 1);
}

/** Check that a rule exists (`iptables -C`). */
export function checkRule(table: Table, chain: string, rule: Rule): void {
  if (findRule(table, chain, rule) < 0) throw new IptablesError(BAD_RULE);
}

/** Flush one chain, or every chain when none is named (`iptables -F`). */
export function flushChain(table: Table, chain?: string): void {
  const chains = chain === undefined ? [...table.chains.values()] : [chainOrThrow(table, chain)];
  for (const c of chains) c.rules = [];
}

/** Zero the counters of one chain or all chains (`iptables -Z`). */
export function zeroCounters(table: Table, chain?: string): void {
  const chains = chain === undefined ? [...table.chains.values()] : [chainOrThrow(table, chain)];
  for (const c of chains) {
    c.policyCounters = ZERO_COUNTERS;
    for (const rule of c.rules) rule.counters = ZERO_COUNTERS;
  }
}

/** Create a user chain (`iptables -N`). */
export function newChain(table: Table, name: string): void {
  if (table.chains.has(name)) throw new IptablesError("Chain already exists");
  table.chains.set(name, emptyChain(name));
}

/** Delete a user chain, or all user chains when none is named (`iptables -X`). */
export function deleteChain(table: Table, name?: string): void {
  const names =
    name === undefined
      ? chainOrder(table)
          .filter((c) => !c.policy)
          .map((c) => c.name)
      : [name];
  for (const n of names) {
    const chain = chainOrThrow(table, n);
    if (chain.policy) throw new IptablesError("Can't delete built-in chain", true);
    if (references(table, n) > 0) throw new IptablesError("Can't delete chain with references left");
    if (chain.rules.length > 0) throw new IptablesError("Chain is not empty");
    table.chains.delete(n);
  }
}

/** Rename a user chain and every jump to it (`iptables -E`). */
export function renameChain(table: Table, from: string, to: string): void {
  const chain = chainOrThrow(table, from);
  if (table.chains.has(to)) throw new IptablesError("File exists");
  if (chain.policy) throw new IptablesError("Invalid argument", true);
  table.chains.delete(from);
  chain.name = to;
  table.chains.set(to, chain);
  // New rule objects rather than edits: targets may be shared with parsed-rule caches, and rule texts
  // are cached per rule object.
  for (const c of table.chains.values()) {
    c.rules = c.rules.map((rule) =>
      rule.target.kind === "chain" && rule.target.name === from
        ? { ...rule, target: { ...rule.target, name: to } }
        : rule,
    );
  }
}

/** Set a built-in chain's policy (`iptables -P`). */
export function setPolicy(table: Table, chain: string, policy: string): void {
  const c = table.chains.get(chain);
  if (!c?.policy) throw new IptablesError("Bad built-in chain name");
  if (policy !== "ACCEPT" && policy !== "DROP") throw new IptablesError("Bad policy name", true);
  c.policy = policy;
}

/**
 * Apply one table's iptables-restore input atomically.
 * Without noflush the whole table is replaced; with noflush (how kube-proxy writes) only the declared
 * user chains are flushed and refilled, built-in chains only get their policy set, and `deleteChains`
 * are removed afterwards (the `-X` lines). On any error the table is left unchanged.
 */
export function restoreTable(
  ipt: Iptables,
  name: TableName,
  chains: ChainSpec[],
  options: { noflush?: boolean; deleteChains?: string[] } = {},
): void {
  const current = useTable(ipt, name);
  if (options.noflush) {
    restoreNoflush(current, chains, options.deleteChains ?? []);
    return;
  }
  const next: Table = { name, chains: new Map() };
  for (const [chainName, chain] of current.chains) {
    if (chain.policy) next.chains.set(chainName, emptyChain(chainName, "ACCEPT"));
  }
  for (const spec of chains) {
    const existing = next.chains.get(spec.name);
    if (existing?.policy) {
      if (spec.policy) existing.policy = spec.policy;
      existing.rules = [];
    } else next.chains.set(spec.name, emptyChain(spec.name));
  }
  for (const spec of chains) {
    for (const rule of spec.rules) appendRule(next, spec.name, rule);
  }
  // A `-X` chain also has a chain line, which flushes it first, so stale chains may reference each other.
  for (const chainName of options.deleteChains ?? []) {
    const chain = next.chains.get(chainName);
    if (!chain || chain.policy) throw new IptablesError(NO_CHAIN);
    chain.rules = [];
  }
  for (const chainName of options.deleteChains ?? []) {
    if (references(next, chainName) > 0) throw new IptablesError("Can't delete chain with references left");
    next.chains.delete(chainName);
  }
  current.chains = next.chains;
}

function countJumps(rules: Rule[], into: Map<string, number>): void {
  for (const rule of rules)
    if (rule.target.kind === "chain") into.set(rule.target.name, (into.get(rule.target.name) ?? 0) + 1);
}

// The --noflush case checks everything the whole-table copy would have failed on first, then changes only
// the declared and deleted chains in place: the end state and the errors are the same, without copying
// every chain of the table on each restore.
function restoreNoflush(table: Table, specs: ChainSpec[], deleteChains: string[]): void {
  const declared = new Set<string>();
  for (const spec of specs) declared.add(spec.name);
  for (const spec of specs) {
    for (const rule of spec.rules) {
      const target = rule.target;
      if (target.kind === "chain" && !table.chains.has(target.name) && !declared.has(target.name))
        throw new IptablesError(NO_CHAIN);
    }
  }
  if (deleteChains.length > 0) {
    for (const chainName of deleteChains) {
      const chain = table.chains.get(chainName);
      if (chain ? chain.policy : !declared.has(chainName)) throw new IptablesError(NO_CHAIN);
    }
    // References left once the restore is done: deleted chains are flushed first, declared user chains
    // hold only their new rules, declared built-in chains their old rules and the new ones.
    const stale = new Set(deleteChains);
    const refs = new Map<string, number>();
    for (const [chainName, chain] of table.chains) {
      if (stale.has(chainName) || (declared.has(chainName) && !chain.policy)) continue;
      countJumps(chain.rules, refs);
    }
    for (const spec of specs) if (!stale.has(spec.name)) countJumps(spec.rules, refs);
    for (const chainName of deleteChains) {
      if ((refs.get(chainName) ?? 0) > 0) throw new IptablesError("Can't delete chain with references left");
    }
  }
  for (const spec of specs) {
    const existing = table.chains.get(spec.name);
    if (existing?.policy) {
      if (spec.policy) existing.policy = spec.policy;
    } else table.chains.set(spec.name, emptyChain(spec.name));
  }
  for (const spec of specs) {
    const chain = table.chains.get(spec.name)!;
    // A new array rather than pushes: a built-in chain keeps its rules, and nobody should see them grow.
    if (spec.rules.length > 0) chain.rules = [...chain.rules, ...spec.rules.map(stored)];
  }
  for (const chainName of deleteChains) table.chains.delete(chainName);
}
