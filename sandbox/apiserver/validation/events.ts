// core/v1 Event validation (light): metadata, and the involved object's namespace must match.
import type { KubeObject } from "../../api/types.ts";
import type { FieldError } from "../errors.ts";
import { invalidValue, obj, text } from "./field.ts";
import { nameIsDNSSubdomain } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

// Appends to `errs` (a list of our own) the involved object's namespace mismatch, if any.
function involvedNamespace(ev: KubeObject, errs: FieldError[]): FieldError[] {
  if (ev.eventTime) return errs;
  const ns = text(ev.metadata?.namespace);
  const involved = text(obj(ev.involvedObject).namespace);
  const ok = involved ? ns === involved : ns === "" || ns === "default";
  if (!ok) errs.push(invalidValue("involvedObject.namespace", involved, "does not match event.namespace"));
  return errs;
}

/** Validate an event on create. */
export function validateEvent(ev: KubeObject): FieldError[] {
  return involvedNamespace(ev, validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain));
}

/** Validate an event update. */
export function validateEventUpdate(ev: KubeObject, old: KubeObject): FieldError[] {
  return involvedNamespace(ev, validateObjectMetaUpdate(ev.metadata, old.metadata));
}
