// RBAC validation (light): path-segment names, rule shape, roleRef and subjects of bindings.
import type { KubeObject } from "../../api/types.ts";
import { type FieldError, required } from "../errors.ts";
import { invalidRendered, invalidValue, list, obj, text, unsupportedValue } from "./field.ts";
import { goQuote, goStringSlice } from "./go-format.ts";
import { nameIsDNSSubdomain, nameIsPathSegment } from "./name-rules.ts";
import { validateObjectMeta, validateObjectMetaUpdate } from "./object-meta.ts";

const GROUP = "rbac.authorization.k8s.io";

function validateRules(raw: unknown, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  list(raw).forEach((item, i) => {
    const r = obj(item);
    const at = `rules[${i}]`;
    if (list(r.verbs).length === 0)
      errs.push(required(`${at}.verbs`, "verbs must contain at least one value"));
    const urls = list(r.nonResourceURLs).map(text);
    if (urls.length > 0) {
      if (namespaced)
        errs.push(
          invalidRendered(
            `${at}.nonResourceURLs`,
            goStringSlice(urls),
            "namespaced rules cannot apply to non-resource URLs",
          ),
        );
      if (list(r.apiGroups).length + list(r.resources).length + list(r.resourceNames).length > 0) {
        errs.push(
          invalidRendered(
            `${at}.nonResourceURLs`,
            goStringSlice(urls),
            "rules cannot apply to both regular resources and non-resource URLs",
          ),
        );
      }
      return;
    }
    if (list(r.apiGroups).length === 0)
      errs.push(required(`${at}.apiGroups`, "resource rules must supply at least one api group"));
    if (list(r.resources).length === 0)
      errs.push(required(`${at}.resources`, "resource rules must supply at least one resource"));
  });
  return errs;
}

function validateSubjects(raw: unknown, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  list(raw).forEach((item, i) => {
    const s = obj(item);
    const at = `subjects[${i}]`;
    const name = text(s.name);
    const apiGroup = text(s.apiGroup);
    if (!name) errs.push(required(`${at}.name`));
    const kind = text(s.kind);
    if (kind === "ServiceAccount") {
      if (name)
        for (const msg of nameIsDNSSubdomain(name, false)) errs.push(invalidValue(`${at}.name`, name, msg));
      if (apiGroup) errs.push(unsupportedValue(`${at}.apiGroup`, apiGroup, [""]));
      if (!namespaced && !text(s.namespace)) errs.push(required(`${at}.namespace`));
    } else if (kind === "User" || kind === "Group") {
      if (apiGroup !== GROUP) errs.push(unsupportedValue(`${at}.apiGroup`, apiGroup, [GROUP]));
    } else {
      errs.push(unsupportedValue(`${at}.kind`, kind, ["ServiceAccount", "User", "Group"]));
    }
  });
  return errs;
}

/** Validate a Role (namespaced) or ClusterRole. */
export function validateRole(role: KubeObject, namespaced: boolean): FieldError[] {
  return [
    ...validateObjectMeta(role.metadata, namespaced, nameIsPathSegment),
    ...validateRules(role.rules, namespaced),
  ];
}

/** Validate a RoleBinding (namespaced) or ClusterRoleBinding. */
export function validateBinding(b: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(b.metadata, namespaced, nameIsPathSegment);
  const ref = obj(b.roleRef);
  if (text(ref.apiGroup) !== GROUP)
    errs.push(unsupportedValue("roleRef.apiGroup", text(ref.apiGroup), [GROUP]));
  const kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(text(ref.kind))) errs.push(unsupportedValue("roleRef.kind", text(ref.kind), kinds));
  const name = text(ref.name);
  if (!name) errs.push(required("roleRef.name"));
  else for (const msg of nameIsPathSegment(name, false)) errs.push(invalidValue("roleRef.name", name, msg));
  errs.push(...validateSubjects(b.subjects, namespaced));
  return errs;
}

/** Validate a Role or ClusterRole update. */
export function validateRoleUpdate(role: KubeObject, old: KubeObject, namespaced: boolean): FieldError[] {
  return [...validateObjectMetaUpdate(role.metadata, old.metadata), ...validateRules(role.rules, namespaced)];
}

/** Validate a binding update: roleRef may not change. */
export function validateBindingUpdate(b: KubeObject, old: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMetaUpdate(b.metadata, old.metadata);
  const ref = obj(b.roleRef);
  const oldRef = obj(old.roleRef);
  if (["apiGroup", "kind", "name"].some((k) => text(ref[k]) !== text(oldRef[k]))) {
    const rendered = `rbac.RoleRef{APIGroup:${goQuote(text(ref.apiGroup))}, Kind:${goQuote(text(ref.kind))}, Name:${goQuote(text(ref.name))}}`;
    errs.push(invalidRendered("roleRef", rendered, "cannot change roleRef"));
  }
  errs.push(...validateBinding(b, namespaced).filter((e) => !e.field.startsWith("metadata.")));
  return errs;
}
