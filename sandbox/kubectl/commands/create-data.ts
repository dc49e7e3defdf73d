// `kubectl create configmap|secret generic NAME --from-literal=k=v --from-file=[k=]path`.
import type { KubeObject } from "../../api/types.ts";
import { base64Encode } from "../../apiserver/defaults/base64.ts";
import { fail, type Run } from "./common.ts";

function collect(run: Run, kind: string): Record<string, string> {
  const name = run.args[0];
  const data: Record<string, string> = {};
  const add = (k: string, v: string) => {
    if (k in data)
      fail(`cannot add key ${k}, another key by that name already exists in Data for ${kind} "${name}"`);
    data[k] = v;
  };
  for (const spec of run.list("from-file")) {
    const i = spec.indexOf("=");
    const key = i < 0 ? spec.split("/").pop()! : spec.slice(0, i);
    const path = i < 0 ? spec : spec.slice(i + 1);
    if (i === 0 || key === "") fail(`key names or file paths cannot contain '='`);
    const text = run.ctx.readFile(path);
    if (text === undefined) fail(`error reading ${path}: no such file or directory`);
    add(key, text);
  }
  for (const lit of run.list("from-literal")) {
    const i = lit.indexOf("=");
    if (i <= 0) fail(`invalid literal source ${lit}, expected key=value`);
    add(lit.slice(0, i), lit.slice(i + 1));
  }
  return data;
}

/** Build the ConfigMap the generator sends. */
export function buildConfigMap(run: Run): KubeObject {
  const obj: KubeObject = {
    kind: "ConfigMap",
    apiVersion: "v1",
    metadata: { name: run.args[0], creationTimestamp: null } as never,
  };
  const data = collect(run, "ConfigMap");
  if (Object.keys(data).length > 0) obj.data = data;
  return obj;
}

/** Build the Secret the generator sends (values base64-encoded). */
export function buildSecret(run: Run): KubeObject {
  const obj: KubeObject = {
    kind: "Secret",
    apiVersion: "v1",
    metadata: { name: run.args[0], creationTimestamp: null } as never,
  };
  const data = collect(run, "Secret");
  if (Object.keys(data).length > 0)
    obj.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64Encode(v)]));
  if (run.str("type")) obj.type = run.str("type");
  return obj;
}
