// Run an `iptables ...` or `iptables-save ...` argv against the model, with iptables 1.8.9 (legacy) texts.
import * as model from "./model.ts";
import { checkOptions, type Parsed, parseArgs, TRY, VERSION } from "./parse-args.ts";
import { ParamError, TARGET_EXTENSIONS } from "./parse-rule.ts";
import { listTable } from "./print-list.ts";
import { iptablesSave, listRules } from "./print-save.ts";
import type { ServiceNames } from "./rule-text.ts";
import { type Iptables, TABLE_NAMES, type TableName } from "./types.ts";

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CommandContext {
  ipt: Iptables;
  /** Clock reading for iptables-save comments (ms since epoch). */
  now: number;
  resolve?: (ip: string) => string | undefined;
  services?: ServiceNames;
}

const ok = (stdout = ""): CommandResult => ({ stdout, stderr: "", exitCode: 0 });
const param = (message: string): CommandResult => ({
  stdout: "",
  stderr: `iptables ${VERSION}: ${message}\n${TRY}`,
  exitCode: 2,
});

/** Run `iptables ...` or `iptables-save ...` (argv[0] is the program name) and return its output. */
export function runIptables(argv: string[], ctx: CommandContext): CommandResult {
  const prog = argv[0]?.split("/").pop() ?? "iptables";
  if (prog.startsWith("iptables-save")) return runSave(argv.slice(1), ctx);
  try {
    const parsed = parseArgs(argv.slice(1));
    if (parsed === "version") return ok(`iptables ${VERSION}\n`);
    if ("badArgument" in parsed) {
      return { stdout: "", stderr: `Bad argument \`${parsed.badArgument}'\n${TRY}`, exitCode: 2 };
    }
    return execute(parsed, ctx);
  } catch (err) {
    if (err instanceof ParamError) return param(err.message);
    if (err instanceof model.IptablesError) {
      const dmesg = err.einval ? " Run `dmesg' for more information." : "";
      return { stdout: "", stderr: `iptables: ${err.message}.${dmesg}\n`, exitCode: 1 };
    }
    throw err;
  }
}

function execute(p: Parsed, ctx: CommandContext): CommandResult {
  if (!p.command) throw new ParamError("no command specified");
  const b = p.builder;
  const jumpName = b.jump?.name ?? (b.rule.target.kind === "verdict" ? b.rule.target.name : undefined);
  if (p.table === "nat" && (jumpName === "DROP" || p.extra === "DROP")) {
    throw new ParamError(
      '\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n',
    );
  }
  checkOptions(p);
  if (!(TABLE_NAMES as readonly string[]).includes(p.table)) {
    const msg = `can't initialize iptables table \`${p.table}': Table does not exist (do you need to insmod?)`;
    return {
      stdout: "",
      stderr: `iptables ${VERSION}: ${msg}\nPerhaps iptables or your kernel needs to be upgraded.\n`,
      exitCode: 3,
    };
  }
  const table = model.useTable(ctx.ipt, p.table as TableName);
  const chain = p.chain ?? "";
  if ("ACDIR".includes(p.command) && !(p.command === "D" && p.rulenum)) {
    if (p.opts.has("o") && (chain === "PREROUTING" || chain === "INPUT"))
      throw new ParamError(`Can't use -o with ${chain}\n`);
    if (p.opts.has("i") && (chain === "POSTROUTING" || chain === "OUTPUT"))
      throw new ParamError(`Can't use -i with ${chain}\n`);
    if (b.jump) {
      if (table.chains.has(b.jump.name))
        b.rule.target = { kind: "chain", name: b.jump.name, goto: b.jump.goto };
      else if (b.jump.goto) throw new ParamError(`goto '${b.jump.name}' is not a chain\n`);
      else throw new ParamError(`Couldn't load target \`${b.jump.name}':No such file or directory\n`);
    }
    const kind = b.rule.target.kind;
    if (
      ((kind === "DNAT" || kind === "SNAT" || kind === "MASQUERADE") && p.table !== "nat") ||
      (kind === "REJECT" && p.table === "nat")
    ) {
      throw new model.IptablesError("Invalid argument", true);
    }
  }
  const o = p.opts;
  switch (p.command) {
    case "A":
      model.appendRule(table, chain, b.rule);
      break;
    case "I":
      model.insertRule(table, chain, b.rule, p.rulenum ?? 1);
      break;
    case "R":
      model.replaceRule(table, chain, p.rulenum!, b.rule);
      break;
    case "C":
      model.checkRule(table, chain, b.rule);
      break;
    case "D":
      if (p.rulenum) model.deleteRuleAt(table, chain, p.rulenum);
      else model.deleteRule(table, chain, b.rule);
      break;
    case "F":
      model.flushChain(table, p.chain);
      break;
    case "Z":
      model.zeroCounters(table, p.chain);
      break;
    case "N":
      if (chain.length >= 29)
        throw new ParamError(`chain name \`${chain}' too long (must be under 29 chars)`);
      if (TARGET_EXTENSIONS.includes(chain))
        throw new ParamError("chain name may not clash with target name\n");
      model.newChain(table, chain);
      break;
    case "X":
      model.deleteChain(table, p.chain);
      break;
    case "E":
      model.renameChain(table, chain, p.extra!);
      break;
    case "P":
      model.setPolicy(table, chain, p.extra!);
      break;
    case "S":
      return ok(listRules(table, p.chain, p.rulenum, o.has("v")));
    case "L":
      return ok(
        listTable(table, {
          chain: p.chain,
          rulenum: p.rulenum,
          numeric: o.has("n"),
          verbose: o.has("v"),
          exact: o.has("x"),
          lineNumbers: o.has("0"),
          resolve: ctx.resolve,
          services: ctx.services,
        }),
      );
  }
  return ok();
}

function runSave(args: string[], ctx: CommandContext): CommandResult {
  let table: string | undefined;
  let counters = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-t" || a === "--table") table = args[++i];
    else if (a.startsWith("--table=")) table = a.slice(8);
    else if (a === "-c" || a === "--counters") counters = true;
    else {
      const what = a.startsWith("--") ? `unrecognized option '${a}'` : `invalid option -- '${a.slice(1, 2)}'`;
      return {
        stdout: "",
        stderr: `iptables-save: ${what}\nLook at manual page \`iptables-save.8' for more information.\n`,
        exitCode: 1,
      };
    }
  }
  if (table !== undefined && !(TABLE_NAMES as readonly string[]).includes(table)) {
    const msg = "Cannot initialize: Table does not exist (do you need to insmod?)";
    return { stdout: "", stderr: `iptables-save ${VERSION}: ${msg}\n\n`, exitCode: 1 };
  }
  if (table) model.useTable(ctx.ipt, table as TableName);
  return ok(iptablesSave(ctx.ipt, { now: ctx.now, table: table as TableName | undefined, counters }));
}
