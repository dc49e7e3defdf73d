// `-f FILE`: the objects a manifest names (get, describe, delete) and the namespace each goes to.
import type { ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { type ManifestItem, MissingPathError, readManifests } from "../manifests.ts";
import { CliError, fail, type Run } from "./common.ts";

/** Read `-f` manifests, turning a missing path into kubectl's error. */
export function manifestItems(run: Run, files: string[]): ManifestItem[] {
  try {
    return readManifests(run.ctx, files);
  } catch (e) {
    if (e instanceof MissingPathError) throw new CliError(`error: ${e.message}`);
    throw e;
  }
}

/** Return the namespace a manifest's object goes to: its own, else the command's (undefined when cluster-scoped). */
export function manifestNamespace(run: Run, rt: ResourceType, obj: KubeObject): string | undefined {
  return rt.namespaced ? obj.metadata.namespace || run.namespace : undefined;
}

/** Return kubectl's complaint when --namespace names another namespace than the object's own, else undefined. */
export function namespaceMismatch(run: Run, rt: ResourceType, obj: KubeObject): string | undefined {
  const fileNs = obj.metadata.namespace;
  if (!rt.namespaced || !fileNs || !run.flagsSet.has("namespace") || fileNs === run.namespace)
    return undefined;
  return `the namespace from the provided object "${fileNs}" does not match the namespace "${run.namespace}". You must pass '--namespace=${fileNs}' to perform this operation.`;
}

/** One object a manifest names. */
export interface NamedRequest {
  rt: ResourceType;
  names: string[];
  namespace?: string;
}

/** The objects `-f` manifests name; a bad document fails the command as kubectl does. */
export function readManifestArgs(run: Run, files: string[]): NamedRequest[] {
  const items = manifestItems(run, files);
  const bad = items.find((i) => !i.ok);
  if (bad && !bad.ok) fail(bad.message);
  if (items.length === 0) fail(`no objects passed to ${run.command}`);
  return items.flatMap((i) =>
    i.ok
      ? [
          {
            rt: i.rt,
            names: [i.obj.metadata.name ?? ""],
            namespace: manifestNamespace(run, i.rt, i.obj),
          },
        ]
      : [],
  );
}
