// `kubectl config view`: the merged kubeconfig, certificate data shortened and secrets redacted unless --raw.
import { ConfigAccess } from "../kubeconfig/access.ts";
import { field, type KubeConfig, type Stanza, toV1 } from "../kubeconfig/model.ts";
import { JsonPathError, printJsonPath, toJson, toYaml } from "../output/index.ts";
import { CliError, fail, type Run } from "./common.ts";
import { outputFormat } from "./print.ts";

const DATA_OMITTED = "DATA+OMITTED";
const REDACTED = "REDACTED";

function shorten(s: Stanza, keys: string[], marker: string): Stanza {
  const out = { ...s };
  for (const k of keys) if (typeof out[k] === "string" && out[k] !== "") out[k] = marker;
  return out;
}

/** Hide what `view` hides without --raw: secrets REDACTED (RedactSecrets), then byte data DATA+OMITTED (ShortenConfig). */
export function shortenConfig(c: KubeConfig): void {
  for (const [name, u] of c.users) {
    const redacted = shorten(u, ["token", "password"], REDACTED);
    c.users.set(name, shorten(redacted, ["client-certificate-data", "client-key-data"], DATA_OMITTED));
  }
  for (const [name, cl] of c.clusters)
    c.clusters.set(name, shorten(cl, ["certificate-authority-data"], DATA_OMITTED));
}

/** Keep only the current context and the cluster and user it names (clientcmdapi.MinifyConfig). */
export function minifyConfig(c: KubeConfig): void {
  if (!c.currentContext) fail("current-context must exist in order to minify");
  const ctx = c.contexts.get(c.currentContext);
  if (!ctx) fail(`cannot locate context ${c.currentContext}`);
  const cluster = field(ctx, "cluster");
  const user = field(ctx, "user");
  if (cluster && !c.clusters.has(cluster)) fail(`cannot locate cluster ${cluster}`);
  if (user && !c.users.has(user)) fail(`cannot locate user ${user}`);
  c.contexts = new Map([[c.currentContext, ctx]]);
  c.clusters = cluster ? new Map([[cluster, c.clusters.get(cluster)!]]) : new Map();
  c.users = user ? new Map([[user, c.users.get(user)!]]) : new Map();
}

function embed(run: Run, s: Stanza, pathKey: string, dataKey: string): Stanza {
  const path = field(s, pathKey);
  if (!path) return s;
  const text = run.ctx.readFile(path);
  if (text === undefined) fail(`open ${path}: no such file or directory`);
  const { [pathKey]: _, ...rest } = s;
  return { ...rest, [dataKey]: btoa(text) };
}

/** Inline the certificate and key files a config points at (clientcmdapi.FlattenConfig). */
export function flattenConfig(run: Run, c: KubeConfig): void {
  for (const [name, cl] of c.clusters)
    c.clusters.set(name, embed(run, cl, "certificate-authority", "certificate-authority-data"));
  for (const [name, u] of c.users) {
    const withCert = embed(run, u, "client-certificate", "client-certificate-data");
    c.users.set(name, embed(run, withCert, "client-key", "client-key-data"));
  }
}

/** Run `kubectl config view`. */
export function runConfigView(run: Run): number {
  if (run.args.length > 0) {
    fail(`unexpected arguments: [${run.args.join(" ")}]\nSee 'kubectl config view -h' for help and examples`);
  }
  const access = new ConfigAccess(run.ctx, run.str("kubeconfig"));
  const merge = run.flagsSet.has("merge") ? run.bool("merge") : !access.isExplicit;
  if (!merge && !access.isExplicit) fail("if merge==false a precise file must to specified");
  const fmt = outputFormat(run);
  const config = access.load();
  if (run.bool("minify")) {
    if (run.str("context")) config.currentContext = run.str("context");
    minifyConfig(config);
  }
  if (run.bool("flatten")) flattenConfig(run, config);
  else if (!run.bool("raw")) shortenConfig(config);
  const obj = toV1(config);
  switch (fmt.kind) {
    case "json":
      run.out(toJson(obj));
      break;
    case "name":
      // The name printer finds no metadata.name on a Config.
      run.out("config/<unknown>\n");
      break;
    case "jsonpath":
    case "jsonpath-as-json":
      try {
        run.out(printJsonPath(fmt.template, obj, { asJson: fmt.kind === "jsonpath-as-json" }));
      } catch (e) {
        if (e instanceof JsonPathError) throw new CliError(`error: ${e.message}`);
        throw e;
      }
      break;
    default:
      run.out(toYaml(obj));
  }
  return 0;
}
