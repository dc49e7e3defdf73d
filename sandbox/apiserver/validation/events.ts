// core/v1 Event validation (light): metadata, and the involved object's namespace must match.
import type { KubeObject } from "../../api/types.ts";
import type { FieldError } from "../errors.ts";
import { invalidValue, obj, text } from "./field.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

function involvedNamespace(ev: KubeObject): FieldError[] {
  if (ev.eventTime) return [];
  const ns = text(ev.metadata?.namespace);
  const involved = text(obj(ev.involvedObject).namespace);
  const ok = involved ? ns === involved : ns === "" || ns === "default";
  return ok ? [] : [invalidValue("involvedObject.namespace", involved, "does not match event.namespace")];
}

/** Validate an event on create. */
export function validateEvent(ev: KubeObject): FieldError[] {
  return [...validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain), ...involvedNamespace(ev)];
}

/** Validate an event update. */
export function validateEventUpdate(ev: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(ev.metadata, old.metadata), ...involvedNamespace(ev)];
}
