// Turn a kubectl argv into a command, positional args and typed flags, or into the text kubectl prints instead.

import { OPTIONS_COMMAND, optionsText } from "./commands/options.ts";
import { findCommand, stripFlags } from "./find.ts";
import { renderHelp } from "./help.ts";
import { parseFlags } from "./pflag.ts";
import { allFlags, ROOT_COMMAND } from "./spec.ts";
import { suggestionsFor } from "./suggest.ts";
import type { CommandSpec, FlagValue } from "./types.ts";

/** A command line that should run: see cli/index.ts for the meaning of each field. */
export interface ParsedCommand {
  ok: true;
  command: string[];
  args: string[];
  flags: Record<string, FlagValue>;
  flagsSet: Set<string>;
  afterDash: string[];
  /** Text to write to stderr before running (pflag deprecation notices); usually "". */
  warnings: string;
}

/** A command line that ends in parsing: help, a usage error, or a flag error. */
export interface ParseExit {
  ok: false;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Either outcome of parseKubectl. */
export type ParseResult = ParsedCommand | ParseExit;

/** Options for parsing: `width` is the terminal width help is wrapped to (0: not a terminal). */
export interface ParseOptions {
  width?: number;
}

const exit = (stdout: string, stderr: string, exitCode: number): ParseExit => ({
  ok: false,
  stdout,
  stderr,
  exitCode,
});

// cmdutil.CheckErr: prefix "error: " and end with exactly one newline.
function errorText(message: string): string {
  const msg = message.startsWith("error: ") ? message : `error: ${message}`;
  return msg.endsWith("\n") ? msg : `${msg}\n`;
}

function usageHint(path: CommandSpec[]): string {
  return `See '${path.map((c) => c.name).join(" ")} -h' for help and examples`;
}

/** Parse argv (the words after `kubectl`) with cobra/pflag semantics and kubectl v1.32's error texts. */
export function parseKubectl(argv: string[], options: ParseOptions = {}): ParseResult {
  const width = options.width ?? 0;
  const first = stripFlags(argv, ROOT_COMMAND)[0];
  if (first === "help") {
    const rest = [...argv];
    rest.splice(rest.indexOf("help"), 1);
    // Approximation: an unknown help topic shows the root help.
    const topic = findCommand(ROOT_COMMAND, rest).path;
    if (topic[topic.length - 1] === OPTIONS_COMMAND) return exit("", "", 0);
    return exit(renderHelp(topic, { width }), "", 0);
  }

  const { path, rest } = findCommand(ROOT_COMMAND, argv);
  const command = path[path.length - 1];
  const cmdPath = path.map((c) => c.name).join(" ");
  if (path.length === 1) {
    const words = stripFlags(rest, command);
    if (words.length > 0) {
      const hint = suggestionsFor(words[0], ROOT_COMMAND.subcommands ?? []);
      return exit("", errorText(`unknown command ${JSON.stringify(words[0])} for "kubectl"${hint}`), 1);
    }
  }

  // Commands the sandbox only lists stop here, before their (unmodelled) flags are parsed; help still works.
  if (command.notModelled && !rest.some((a) => a === "-h" || a === "--help" || a === "--help=true")) {
    return exit("", errorText(`"${cmdPath}" is not available in this simulated cluster`), 1);
  }
  const parsed = parseFlags(rest, allFlags(command));
  const isOptions = path.length === 2 && command === OPTIONS_COMMAND;
  if ("error" in parsed) {
    // A command with its own flag-error handler (diff) words it as a usage error.
    if (command.errorExitCode !== undefined)
      return exit("", errorText(`${parsed.error}\n${usageHint(path)}`), command.errorExitCode);
    const hint = isOptions ? `Run '${cmdPath}' without flags.` : `See '${cmdPath} --help' for usage.`;
    return exit("", errorText(`${parsed.error}\n${hint}`), 1);
  }
  // kubectl's options command has an empty help template and prints its usage when run.
  if (isOptions) return exit(parsed.values.help === true ? "" : optionsText(width), parsed.warnings, 0);
  if (parsed.values.help === true) return exit(renderHelp(path, { width }), "", 0);
  if (path.length === 1) return exit(renderHelp(path, { width }), parsed.warnings, 0);
  if (command.notModelled) {
    return exit("", `${parsed.warnings}error: "${cmdPath}" is not available in this simulated cluster\n`, 1);
  }
  const unmodelled = (command.unsupported ?? []).filter((f) => parsed.set.has(f)).sort();
  if (unmodelled.length > 0) {
    return exit(
      "",
      `${parsed.warnings}error: "${cmdPath} --${unmodelled[0]}" is not available in this simulated cluster\n`,
      command.errorExitCode ?? 1,
    );
  }

  const isGroup = (command.subcommands?.length ?? 0) > 0;
  if (isGroup && command.bare === "help-stderr") return groupRun(path, parsed.args, parsed.warnings, width);

  const missing = command.flags.filter((f) => f.required && !parsed.set.has(f.name)).map((f) => f.name);
  if (missing.length > 0) {
    const names = missing.sort().join('", "');
    return exit("", parsed.warnings + errorText(`required flag(s) "${names}" not set`), 1);
  }

  if (
    isGroup &&
    command.bare === "run" &&
    (parsed.values.filename as string[]).length === 0 &&
    parsed.values.kustomize === ""
  ) {
    // `kubectl create` without -f/-k explains itself, then behaves like a bare command group.
    const lead = `${parsed.warnings}Error: must specify one of -f and -k\n\n`;
    const group = groupRun(path, parsed.args, "", width);
    return exit("", lead + group.stderr, 1);
  }

  const argsLenAtDash = parsed.argsLenAtDash;
  const problem = command.argsCheck?.({
    args: parsed.args,
    afterDash: parsed.afterDash,
    argsLenAtDash,
    flags: parsed.values,
    flagsSet: parsed.set,
  });
  if (problem) {
    const hint = problem.usageHint ? `\n${usageHint(path)}` : "";
    return exit("", `${parsed.warnings}${problem.preamble ?? ""}${errorText(problem.message + hint)}`, 1);
  }

  return {
    ok: true,
    command: path.slice(1).map((c) => c.name),
    args: parsed.args,
    flags: parsed.values,
    flagsSet: parsed.set,
    afterDash: parsed.afterDash,
    warnings: parsed.warnings,
  };
}

// cmdutil.DefaultSubCommandRun: reject extra words, otherwise print help to stderr and exit 1.
function groupRun(path: CommandSpec[], args: string[], warnings: string, width: number): ParseExit {
  if (args.length > 0) {
    return exit(
      "",
      warnings + errorText(`unknown command ${JSON.stringify(args.join(" "))}\n${usageHint(path)}`),
      1,
    );
  }
  return exit("", warnings + renderHelp(path, { width }), 1);
}
