// kubectl describe role|clusterrole|rolebinding|clusterrolebinding (RoleDescriber, ClusterRoleDescriber and
// their binding describers): no events, and rules broken down, compacted and sorted as `auth can-i --list`.
import type { Binding, RoleObject } from "../../api/types.ts";
import { accessRows } from "../rbac/rules-list.ts";
import { printAnnotations, printLabels } from "./multiline.ts";
import { tabbedString } from "./writer.ts";

/** Describe a Role or ClusterRole: its metadata, then its PolicyRule table. */
export function describeRole(role: RoleObject): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${role.metadata.name ?? ""}\n`);
    printLabels(w, "Labels", role.metadata.labels);
    printAnnotations(w, "Annotations", role.metadata.annotations);
    w.write(0, "PolicyRule:\n");
    w.write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
    w.write(1, "---------\t-----------------\t--------------\t-----\n");
    for (const row of accessRows(role.rules ?? [], true)) w.write(1, `${row.join("\t")}\n`);
  });
}

/** Describe a RoleBinding or ClusterRoleBinding: its metadata, the role it grants and its subjects. */
export function describeBinding(binding: Binding): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${binding.metadata.name ?? ""}\n`);
    printLabels(w, "Labels", binding.metadata.labels);
    printAnnotations(w, "Annotations", binding.metadata.annotations);
    w.write(0, "Role:\n");
    w.write(1, `Kind:\t${binding.roleRef.kind}\n`);
    w.write(1, `Name:\t${binding.roleRef.name}\n`);
    w.write(0, "Subjects:\n");
    w.write(1, "Kind\tName\tNamespace\n");
    w.write(1, "----\t----\t---------\n");
    for (const s of binding.subjects ?? []) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ""}\n`);
  });
}
