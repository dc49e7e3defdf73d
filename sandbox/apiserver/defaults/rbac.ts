// RBAC binding defaults: roleRef.apiGroup, and the apiGroup of User and Group subjects.
import { isObj, type Obj, objects } from "./shape.ts";

const GROUP = "rbac.authorization.k8s.io";

/** Fill in a RoleBinding's or ClusterRoleBinding's defaults. */
export function defaultBinding(b: Obj): void {
  if (isObj(b.roleRef) && !b.roleRef.apiGroup) b.roleRef.apiGroup = GROUP;
  for (const s of objects(b.subjects)) {
    if (!s.apiGroup && (s.kind === "User" || s.kind === "Group")) s.apiGroup = GROUP;
  }
}
