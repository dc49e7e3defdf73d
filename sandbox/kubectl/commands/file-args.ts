// `-f FILE` for commands that only need to know which objects a manifest names (get, describe, delete).
import type { ResourceType } from "../../api/resources.ts";
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
            namespace: i.rt.namespaced ? i.obj.metadata.namespace || run.namespace : undefined,
          },
        ]
      : [],
  );
}
