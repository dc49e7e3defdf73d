// Store the bootstrap RBAC objects at boot, as kube-apiserver's rbac/bootstrap-roles post-start hook and
// kubeadm init do. The templates are valid and defaulted already, so they skip the create pipeline
// (decode, defaults, validation, admission) and go straight to storage; no component watches RBAC kinds
// at that point, so no watch event is published either.
import type { ResourceType } from "../../../api/resources.ts";
import type { KubeObject, ObjectMeta } from "../../../api/types.ts";
import type { Random } from "../../../util/random.ts";
import { rfc3339 } from "../../../util/time.ts";
import type { ApiServer } from "../../server.ts";
import { storageKey } from "../../storage-keys.ts";
import { bootstrapPolicy, kubeadmAddonPolicy, kubeadmInitPolicy, type StoredTemplate } from "./templates.ts";

function store(api: ApiServer, templates: readonly StoredTemplate[], uids: Random, now: number): void {
  const created = rfc3339(now);
  const types = new Map<string, ResourceType>();
  for (const { plural, obj } of templates) {
    let rt = types.get(plural);
    if (!rt) {
      rt = api.resource(plural);
      types.set(plural, rt);
    }
    const m = obj.metadata;
    const key = storageKey(rt, m.namespace, m.name ?? "");
    // Metadata keys in the order the server stores them; labels, annotations and the body stay shared.
    const metadata: ObjectMeta = { name: m.name };
    if (m.namespace) metadata.namespace = m.namespace;
    metadata.uid = uids.uuid();
    metadata.resourceVersion = String(api.etcd.revision() + 1);
    metadata.creationTimestamp = created;
    if (m.labels) metadata.labels = m.labels;
    if (m.annotations) metadata.annotations = m.annotations;
    const stored: KubeObject = { ...obj, metadata };
    // An object that already exists is left alone, as the hook leaves what it finds.
    api.etcd.putIf(key, 0, stored);
  }
}

/** Store the API server's bootstrap policy; `uids` draws their uids (a stream of their own). */
export function storeBootstrapPolicy(api: ApiServer, uids: Random, now: number): void {
  store(api, bootstrapPolicy(), uids, now);
}

/** Store the RBAC objects kubeadm's phases write before its addons. */
export function storeKubeadmInitRbac(api: ApiServer, uids: Random, now: number): void {
  store(api, kubeadmInitPolicy(), uids, now);
}

/** Store the RBAC objects of kubeadm's CoreDNS and kube-proxy addons. */
export function storeKubeadmAddonRbac(api: ApiServer, uids: Random, now: number): void {
  store(api, kubeadmAddonPolicy(), uids, now);
}
