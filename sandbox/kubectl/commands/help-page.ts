// The help page of the running command, for the commands that print it before an error (cobra's cmd.Help()).
import { type CommandSpec, findSubcommand, ROOT_COMMAND, renderHelp } from "../cli/index.ts";
import type { Run } from "./common.ts";

/** Render the help page of `run.command` (e.g. `config use-context`) as `--help` prints it. */
export function helpPage(run: Run): string {
  const path: CommandSpec[] = [ROOT_COMMAND];
  for (const word of run.command.split(" ")) {
    const next = findSubcommand(path[path.length - 1], word);
    if (!next) break;
    path.push(next);
  }
  return renderHelp(path);
}

/** Print the help page, then fail with `error: <message>` (kubectl config's helpErrorf). */
export function helpError(run: Run, message: string): never {
  run.out(helpPage(run));
  throw new Error(`error: ${message}`);
}

/** Go's %v of a string slice: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(" ")}]`;
}
