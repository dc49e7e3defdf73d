// `kubectl config` subcommands that read the kubeconfig or switch its current context.
import { ConfigAccess } from "../kubeconfig/access.ts";
import { field } from "../kubeconfig/model.ts";
import { layoutRows } from "../printers/index.ts";
import { fail, type Run } from "./common.ts";
import { goList, helpError } from "./help-page.ts";

/** The kubeconfig files this invocation reads and writes. */
export function configAccess(run: Run): ConfigAccess {
  return new ConfigAccess(run.ctx, run.str("kubeconfig"));
}

/** Run `kubectl config current-context`. */
export function runCurrentContext(run: Run): number {
  const config = configAccess(run).load();
  if (!config.currentContext) fail("current-context is not set");
  run.out(`${config.currentContext}\n`);
  return 0;
}

const OUTPUTS = ["", "json", "yaml", "wide", "name", "custom-columns", "custom-columns-file", "go-template"];
const MORE_OUTPUTS = ["go-template-file", "jsonpath", "jsonpath-file"];

/** Run `kubectl config get-contexts [NAME...]`. */
export function runGetContexts(run: Run): number {
  let output = run.str("output");
  if (![...OUTPUTS, ...MORE_OUTPUTS].includes(output)) fail(`output must be one of '' or 'name': ${output}`);
  if (output !== "" && output !== "name") {
    run.out(
      `--output ${output} is not available in kubectl config get-contexts; resetting to default output format\n`,
    );
    output = "";
  }
  const nameOnly = output === "name";
  const config = configAccess(run).load();
  const errors: string[] = [];
  const names: string[] = [];
  if (run.args.length === 0) names.push(...config.contexts.keys());
  for (const name of run.args) {
    if (config.contexts.has(name)) names.push(name);
    else errors.push(`context ${name} not found`);
  }
  const rows: string[][] = [];
  if (!nameOnly && !run.bool("no-headers"))
    rows.push(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]);
  for (const name of names.sort()) {
    const c = config.contexts.get(name);
    if (nameOnly) rows.push([name]);
    else {
      const mark = name === config.currentContext ? "*" : " ";
      rows.push([mark, name, field(c, "cluster"), field(c, "user"), field(c, "namespace")]);
    }
  }
  run.out(layoutRows(rows));
  if (errors.length === 1) fail(errors[0]);
  if (errors.length > 1) fail(`[${errors.join(", ")}]`);
  return 0;
}

function listNames(run: Run, names: Iterable<string>): number {
  run.out(
    `NAME\n${[...names]
      .sort()
      .map((n) => `${n}\n`)
      .join("")}`,
  );
  return 0;
}

/** Run `kubectl config get-clusters`. */
export function runGetClusters(run: Run): number {
  // kubectl ranges over a Go map here, so its order varies from run to run; the model sorts.
  return listNames(run, configAccess(run).load().clusters.keys());
}

/** Run `kubectl config get-users`. */
export function runGetUsers(run: Run): number {
  return listNames(run, configAccess(run).load().users.keys());
}

/** Run `kubectl config use-context NAME`. */
export function runUseContext(run: Run): number {
  if (run.args.length !== 1) helpError(run, `Unexpected args: ${goList(run.args)}`);
  const name = run.args[0];
  const access = configAccess(run);
  const config = access.load();
  if (!name) fail("empty context names are not allowed");
  if (!config.contexts.has(name)) fail(`no context exists with the name: ${JSON.stringify(name)}`);
  config.currentContext = name;
  access.modify(config);
  run.out(`Switched to context ${JSON.stringify(name)}.\n`);
  return 0;
}
