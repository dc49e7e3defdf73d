// The default namespace of a kubectl command: the namespace of the kubeconfig context in use.
import type { KubectlContext } from "../context.ts";
import { ConfigAccess } from "./access.ts";
import { field } from "./model.ts";

/** The context's namespace, or `default`; no kubeconfig at all also means `default` (DirectClientConfig.Namespace). */
export function contextNamespace(ctx: KubectlContext, kubeconfigFlag: string, contextFlag: string): string {
  const config = new ConfigAccess(ctx, kubeconfigFlag).load();
  const name = contextFlag || config.currentContext;
  if (name && !config.contexts.has(name)) {
    throw new Error(`error: invalid configuration: context was not found for specified context: ${name}`);
  }
  return field(config.contexts.get(name), "namespace") || "default";
}
