// kubectl's front door: parse the command line, run the command, and word any failure as kubectl does.

import { impersonatedUser } from "../apiserver/rbac/identity.ts";
import { parseKubectl } from "./cli/index.ts";
import { errorText, Run } from "./commands/common.ts";
import { COMMANDS } from "./commands/registry.ts";
import type { CommandResult, KubectlContext } from "./context.ts";
import { impersonating } from "./rbac/impersonate.ts";

// --as-group's values (a repeatable flag).
function asGroups(flags: Record<string, unknown>): string[] {
  const v = flags["as-group"];
  return Array.isArray(v) ? v.map(String) : [];
}

/** Run one kubectl command line (the words after `kubectl`) against a cluster. */
export function runKubectl(ctx: KubectlContext, argv: string[]): CommandResult {
  const parsed = parseKubectl(argv);
  if (!parsed.ok) {
    if (parsed.stdout) ctx.write("stdout", parsed.stdout);
    if (parsed.stderr) ctx.write("stderr", parsed.stderr);
    return { stdout: parsed.stdout, stderr: parsed.stderr, exitCode: parsed.exitCode };
  }
  const command = parsed.command.join(" ");
  // With --as every request is authorized as that user; `auth can-i` asks about the user instead.
  const as = String(parsed.flags.as ?? "");
  const user = as && !command.startsWith("auth ") ? impersonatedUser(as, asGroups(parsed.flags)) : undefined;
  const asUser = user ? { ...ctx, api: impersonating(ctx.api, user) } : ctx;
  const run = new Run(asUser, parsed.args, parsed.flags, parsed.flagsSet, parsed.afterDash);
  run.command = command;
  run.err(parsed.warnings);
  let exitCode: number;
  try {
    const handler = COMMANDS[run.command] ?? COMMANDS[parsed.command[0]];
    exitCode = handler ? handler(run) : notImplemented(run);
  } catch (e) {
    run.err(errorText(e));
    exitCode =
      typeof (e as { exitCode?: unknown }).exitCode === "number" ? (e as { exitCode: number }).exitCode : 1;
  }
  return { stdout: run.stdout, stderr: run.stderr, exitCode };
}

// Commands kubectl has but the sandbox does not model (port-forward, proxy, cp ...).
function notImplemented(run: Run): number {
  run.err(`error: "kubectl ${run.command}" is not available in this simulated cluster\n`);
  return 1;
}
