import type { ResourceType } from "../api/resources.ts";

/** The etcd key of an object: `/registry/<prefix>/<ns>/<name>`, cluster-scoped objects without `<ns>`. */
export function storageKey(rt: ResourceType, namespace: string | undefined, name: string): string {
  return rt.namespaced
    ? `/registry/${rt.etcdPrefix}/${namespace}/${name}`
    : `/registry/${rt.etcdPrefix}/${name}`;
}

/** The etcd prefix listing a resource, optionally within one namespace. */
export function storagePrefix(rt: ResourceType, namespace?: string): string {
  return rt.namespaced && namespace
    ? `/registry/${rt.etcdPrefix}/${namespace}/`
    : `/registry/${rt.etcdPrefix}/`;
}
