// `-o name`: `<kind>[.<group>]/<name>` per object.
import { kindPrefix, type ResourceType, resourceForKind } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";

/** Print one object as `pod/nginx` or `deployment.apps/web`; the type comes from `rt` or the object's kind. */
export function toName(obj: KubeObject, rt?: ResourceType): string {
  const type = rt ?? resourceForKind(obj.kind ?? "");
  const prefix = type ? kindPrefix(type) : (obj.kind ?? "").toLowerCase();
  return `${prefix}/${obj.metadata.name ?? ""}`;
}

/** Print `-o name` output for several objects, one per line, each ending in a newline. */
export function toNames(objects: readonly KubeObject[], rt?: ResourceType): string {
  return objects.map((o) => `${toName(o, rt)}\n`).join("");
}
