// Parse an iptables command line the way getopt_long does for iptables 1.8.9: bundled short options,
// abbreviated long options, `!` before an option, and extension options after -p/-m/-j.
import {
  addMatch,
  applyExtensionOption,
  newRuleBuilder,
  ParamError,
  parseAddress,
  parseProtocol,
  type RuleBuilder,
  setJump,
} from "./parse-rule.ts";

export const VERSION = "v1.8.9 (legacy)";
export const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
const COMMANDS: Record<string, string> = {
  append: "A",
  check: "C",
  delete: "D",
  insert: "I",
  replace: "R",
  list: "L",
  "list-rules": "S",
  flush: "F",
  zero: "Z",
  "new-chain": "N",
  "delete-chain": "X",
  "rename-chain": "E",
  policy: "P",
};
const LONG_OPTIONS: Record<string, string> = {
  ...COMMANDS,
  table: "t",
  numeric: "n",
  verbose: "v",
  exact: "x",
  "line-numbers": "0",
  protocol: "p",
  source: "s",
  src: "s",
  destination: "d",
  dst: "d",
  "in-interface": "i",
  "out-interface": "o",
  jump: "j",
  goto: "g",
  match: "m",
  wait: "w",
  version: "V",
};
const WITH_ARG = new Set("ACDIRNEPtpsdiojgm");
const OPTIONAL_ARG = new Set("LSFZX");
// Option letters in the order generic_opt_check reports them; "0" is --line-numbers.
const OPT_ORDER = "nsdpjvxio0";
const KNOWN_LETTERS = "ACDIRLSFZNXEPtnvx0psdiojgmwV";
const LIST_ONLY = new Set("nx0");
const RULE_OPTS = new Set("sdpjio");

/** A parsed iptables command line. */
export interface Parsed {
  command?: string;
  chain?: string;
  rulenum?: number;
  extra?: string;
  table: string;
  opts: Set<string>;
  builder: RuleBuilder;
}

// Expand bundled short options (`-nvL`, `-tnat`) into separate argv words, as getopt does.
function expand(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (!/^-[A-Za-z0-9]{2,}$/.test(arg)) {
      out.push(arg);
      continue;
    }
    for (let i = 1; i < arg.length; i++) {
      out.push(`-${arg[i]}`);
      if (WITH_ARG.has(arg[i]) || OPTIONAL_ARG.has(arg[i])) {
        if (i + 1 < arg.length) out.push(arg.slice(i + 1));
        break;
      }
    }
  }
  return out;
}

function longLetter(name: string): string | undefined {
  if (name in LONG_OPTIONS) return LONG_OPTIONS[name];
  const hits = Object.keys(LONG_OPTIONS).filter((k) => k.startsWith(name));
  return hits.length === 1 ? LONG_OPTIONS[hits[0]] : undefined;
}

/** Parse an iptables argv (without the program name); returns the stray word for "Bad argument" or "version". */
export function parseArgs(argv: string[]): Parsed | { badArgument: string } | "version" {
  const args = expand(argv);
  const p: Parsed = { table: "filter", opts: new Set(), builder: newRuleBuilder() };
  let invert = false;
  const hasArg = (i: number) => i < args.length && !args[i].startsWith("-") && !args[i].startsWith("!");
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === "!") {
      if (invert) throw new ParamError("multiple consecutive ! not allowed");
      invert = true;
      continue;
    }
    const letter = word.startsWith("--")
      ? longLetter(word.slice(2))
      : /^-[A-Za-z0-9]$/.test(word)
        ? word[1]
        : undefined;
    if (letter === undefined && word.startsWith("-")) {
      const known = applyOption(p, word, args[i + 1], invert);
      if (!known) throw new ParamError(`unknown option "${word}"`);
      if (known === 2) i++;
      invert = false;
      continue;
    }
    if (letter === undefined) return { badArgument: word };
    if (!KNOWN_LETTERS.includes(letter)) throw new ParamError(`unknown option "${word}"`);
    const value = args[i + 1];
    if (WITH_ARG.has(letter) && value === undefined)
      throw new ParamError(`option "${word}" requires an argument`);
    if ("ACDIRLSFZNXEP".includes(letter)) {
      if (invert) throw new ParamError("unexpected ! flag");
      if (p.command) throw new ParamError(`Cannot use -${letter} with -${p.command}\n`);
      p.command = letter;
      if (WITH_ARG.has(letter) || hasArg(i + 1)) p.chain = args[++i];
      if ("DILSRZ".includes(letter) && hasArg(i + 1)) p.rulenum = ruleNumber(args[++i]);
      else if (letter === "R") throw new ParamError("-R requires a rule number");
      if (letter === "E" || letter === "P") {
        if (!hasArg(i + 1)) {
          throw new ParamError(
            letter === "E"
              ? "-E requires old-chain-name and new-chain-name"
              : "-P requires a chain and a policy",
          );
        }
        p.extra = args[++i];
      }
      continue;
    }
    if (letter === "V") return "version";
    if (p.opts.has(letter) && "nsdpjxio0".includes(letter))
      throw new ParamError(`multiple -${letter} flags not allowed`);
    if ("sdpio".includes(letter) || "nvx0".includes(letter)) p.opts.add(letter);
    if (invert && !"sdpio".includes(letter)) throw new ParamError(`cannot have ! before -${letter}`);
    const b = p.builder;
    if (letter === "t") p.table = args[++i];
    else if (letter === "w") i += hasArg(i + 1) ? 1 : 0;
    else if (letter === "p") b.rule.proto = { num: parseProtocol(args[++i]), invert };
    else if (letter === "s") b.rule.src = { ...parseAddress(args[++i]), invert };
    else if (letter === "d") b.rule.dst = { ...parseAddress(args[++i]), invert };
    else if (letter === "i") b.rule.inIface = { name: args[++i], invert };
    else if (letter === "o") b.rule.outIface = { name: args[++i], invert };
    else if (letter === "j" || letter === "g") {
      p.opts.add("j");
      setJump(b, args[++i], letter === "g");
    } else if (letter === "m") addMatch(b, args[++i]);
    if ("sdpio".includes(letter)) b.touched = true;
    invert = false;
  }
  if (invert) throw new ParamError("nothing appropriate following !");
  return p;
}

// Returns 0 when unknown, 1 for a flag, 2 when the next word was consumed as its value.
function applyOption(p: Parsed, option: string, value: string | undefined, invert: boolean): 0 | 1 | 2 {
  const flag = option === "--random" || option === "--random-fully";
  const v = flag ? undefined : value;
  if (applyExtensionOption(p.builder, option, v, invert)) return flag ? 1 : 2;
  const proto = p.builder.rule.proto?.num;
  const name = proto === 6 ? "tcp" : proto === 17 ? "udp" : undefined;
  // With -p tcp|udp, an unknown option makes iptables load the protocol's match and retry.
  if (name && !p.builder.rule.matches.some((m) => m.kind === name)) {
    addMatch(p.builder, name);
    if (applyExtensionOption(p.builder, option, v, invert)) return flag ? 1 : 2;
    p.builder.rule.matches.pop();
  }
  return 0;
}

function ruleNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ParamError(`Invalid rule number \`${text}'`);
  return Number(text);
}

/** Reject options the command does not take, as generic_opt_check does. */
export function checkOptions(p: Parsed): void {
  const c = p.command!;
  for (const opt of OPT_ORDER) {
    if (!p.opts.has(opt)) continue;
    const listing = c === "L";
    const ruleCmd = "ACDIR".includes(c) && !(c === "D" && p.rulenum);
    const legal = opt === "v" || (LIST_ONLY.has(opt) ? listing : RULE_OPTS.has(opt) ? ruleCmd : true);
    if (!legal) throw new ParamError(`Illegal option \`-${opt}' with this command\n`);
  }
}
