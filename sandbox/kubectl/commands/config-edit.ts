// `kubectl config` subcommands that create, rename or delete contexts.
import { fail, type Run } from "./common.ts";
import { configAccess } from "./config.ts";
import { goList, helpError, helpPage } from "./help-page.ts";

/** Run `kubectl config set-context [NAME | --current] [--cluster] [--user] [--namespace]`. */
export function runSetContext(run: Run): number {
  if (run.args.length > 1) helpError(run, `Unexpected args: ${goList(run.args)}`);
  const current = run.bool("current");
  let name = run.args[0] ?? "";
  if (!name && !current) fail("you must specify a non-empty context name or --current");
  if (name && current) fail("you cannot specify both a context name and --current");
  const access = configAccess(run);
  const config = access.load();
  if (current) {
    if (!config.currentContext) fail("no current context is set");
    name = config.currentContext;
  }
  const existing = config.contexts.get(name);
  const context = { ...(existing ?? {}) };
  // Only the flags given change the entry; an empty value clears the field.
  for (const flag of ["cluster", "user", "namespace"]) {
    if (!run.flagsSet.has(flag)) continue;
    const value = run.str(flag);
    if (value) context[flag] = value;
    else delete context[flag];
  }
  config.contexts.set(name, context);
  access.modify(config);
  run.out(`Context ${JSON.stringify(name)} ${existing ? "modified" : "created"}.\n`);
  return 0;
}

function configFile(run: Run): string {
  return configAccess(run).defaultFilename();
}

/** Run `kubectl config delete-context NAME`. */
export function runDeleteContext(run: Run): number {
  const access = configAccess(run);
  const config = access.load();
  if (run.args.length !== 1) {
    // kubectl prints its help and succeeds here.
    run.out(helpPage(run));
    return 0;
  }
  const name = run.args[0];
  if (!config.contexts.has(name)) fail(`cannot delete context ${name}, not in ${configFile(run)}`);
  if (config.currentContext === name) {
    run.err(
      'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    );
  }
  config.contexts.delete(name);
  access.modify(config);
  run.out(`deleted context ${name} from ${configFile(run)}\n`);
  return 0;
}

/** Run `kubectl config rename-context OLD NEW`. */
export function runRenameContext(run: Run): number {
  if (run.args.length !== 2) helpError(run, `Unexpected args: ${goList(run.args)}`);
  const [from, to] = run.args;
  if (!to) fail("You must specify a new non-empty context name");
  const access = configAccess(run);
  const config = access.load();
  const file = configFile(run);
  const context = config.contexts.get(from);
  if (!context) fail(`cannot rename the context ${JSON.stringify(from)}, it's not in ${file}`);
  if (config.contexts.has(to)) {
    fail(
      `cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${file}`,
    );
  }
  config.contexts.delete(from);
  config.contexts.set(to, context);
  if (config.currentContext === from) config.currentContext = to;
  access.modify(config);
  run.out(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
  return 0;
}
