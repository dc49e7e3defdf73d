// kubectl set env: add, change or remove container environment variables in pod templates, or --list them.
import type { Container, EnvVar } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { dryRun, fail, type Run } from "./common.ts";
import { outputFormat } from "./print.ts";
import { podSpecOrProblem, setTargets, writeSetChange } from "./set-common.ts";

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

// Resource words first, then KEY=VALUE or KEY- words (envutil.SplitEnvironmentFromResources).
function splitArgs(args: string[]): { resources: string[]; changes: string[] } {
  const isEnv = (s: string) => /^.+=/s.test(s) || s.endsWith("-");
  const first = args.findIndex(isEnv);
  if (first < 0) return { resources: args, changes: [] };
  if (args.slice(first).some((s) => !isEnv(s)))
    fail(`all resources must be specified before environment changes: ${args.join(" ")}`);
  return { resources: args.slice(0, first), changes: args.slice(first) };
}

function parseEnv(specs: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const s of specs) {
    const eq = s.indexOf("=");
    if (eq >= 0) {
      const name = s.slice(0, eq);
      if (!ENV_NAME.test(name)) fail(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MESSAGE}`);
      env.push({ name, value: s.slice(eq + 1) });
    } else if (s.endsWith("-")) remove.push(s.slice(0, -1));
    else fail(`unknown environment variable: ${s}`);
  }
  return { env, remove };
}

// Replace variables in place, drop removed ones, append new ones (kubectl's updateEnv).
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) covered.add(e.name);
    out.push(newer ?? e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

// path.Match with `*` and `?`, which is what --containers patterns use.
function matches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replaceAll("*", ".*")
    .replaceAll("?", ".");
  return new RegExp(`^${re}$`).test(name);
}

/** Run `kubectl set env`. Deviation: --from, --keys, --prefix, --resolve and `-e -` are not modelled. */
export function runSetEnv(run: Run): number {
  for (const flag of ["from", "keys", "prefix", "resolve", "local"])
    if (run.flagsSet.has(flag))
      fail(`"kubectl set env --${flag}" is not available in this simulated cluster`);
  if (run.bool("all") && run.str("selector")) fail("cannot set --all and --selector at the same time");
  const { resources, changes } = splitArgs(run.args);
  const mode = dryRun(run);
  const fmt = outputFormat(run);
  if (run.list("filename").length === 0 && resources.length === 0)
    fail("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (run.bool("list") && run.str("output")) fail("--list and --output may not be specified together");
  const { env, remove } = parseEnv([...run.list("env"), ...changes]);
  const found = setTargets(run, resources);
  const selector = run.str("containers");
  const problems: string[] = [];
  for (const { rt, obj } of found) {
    const next = clone(obj);
    const spec = podSpecOrProblem({ rt, obj }, next, problems);
    if (!spec) continue;
    const pick = (cs: Container[] | undefined) => (cs ?? []).filter((c) => matches(selector, c.name));
    const containers = [...pick(spec.containers), ...pick(spec.initContainers)];
    if (containers.length === 0) {
      run.err(
        `warning: ${rt.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`,
      );
      continue;
    }
    const clash = run.bool("overwrite") ? undefined : overwriteClash(containers, env);
    if (clash) {
      // kubectl reports a per-object failure as `error: <resource>/<name> <why>` plus a blank line.
      problems.push(`error: ${rt.plural}/${obj.metadata.name} ${clash}\n`);
      continue;
    }
    for (const c of containers) {
      const updated = updateEnv(c.env ?? [], env, remove);
      if (updated.length > 0) c.env = updated;
      else delete c.env;
      if (run.bool("list")) run.out(listing(rt.kind, obj.metadata.name ?? "", c));
    }
    if (run.bool("list") || JSON.stringify(next) === JSON.stringify(obj)) continue;
    writeSetChange(run, { rt, obj }, next, "env", mode, fmt, problems);
  }
  if (problems.length === 0) return 0;
  run.err(problems.map((p) => `${p}\n`).join(""));
  return 1;
}

function overwriteClash(containers: Container[], env: EnvVar[]): string | undefined {
  for (const c of containers) {
    for (const e of env) {
      const current = c.env?.find((x) => x.name === e.name);
      if (current && current.value !== e.value)
        return `'${current.name}' already has a value (${current.value}), and --overwrite is false`;
    }
  }
  return undefined;
}

function listing(kind: string, name: string, c: Container): string {
  const lines = (c.env ?? []).map((e) =>
    e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}` : `${e.name}=${e.value ?? ""}`,
  );
  return [`# ${kind} ${name}, container ${c.name}`, ...lines].map((l) => `${l}\n`).join("");
}

// envutil.GetEnvVarRefString: which object or field a valueFrom points at.
function refString(from: unknown): string {
  const f = from as Record<string, Record<string, string> | undefined>;
  if (f.configMapKeyRef) return `configmap ${f.configMapKeyRef.name}, key ${f.configMapKeyRef.key}`;
  if (f.secretKeyRef) return `secret ${f.secretKeyRef.name}, key ${f.secretKeyRef.key}`;
  if (f.fieldRef) return `field path ${f.fieldRef.fieldPath}`;
  if (f.resourceFieldRef) {
    const r = f.resourceFieldRef;
    return r.containerName
      ? `resource ${r.resource}, container ${r.containerName}`
      : `resource ${r.resource}`;
  }
  return "invalid valueFrom";
}
