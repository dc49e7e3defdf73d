import type { ResourceType } from "../api/resources.ts";

// Keys of cluster-scoped objects, by resource and name: they are few (nodes, namespaces, roles) and read
// often (a node on every pod event), and a kept key string is not joined and hashed again on each read.
const clusterKeys = new Map<ResourceType, Map<string, string>>();
const CLUSTER_KEYS_LIMIT = 4096;
const namespacePrefixes = new Map<ResourceType, Map<string | undefined, string>>();
// The namespaced key made last and what it was made from: a read is often followed by a write of the same key.
let lastRt: ResourceType | undefined;
let lastNamespace: string | undefined;
let lastName = "";
let lastKey = "";

/** The etcd key of an object: `/registry/<prefix>/<ns>/<name>`, cluster-scoped objects without `<ns>`. */
export function storageKey(rt: ResourceType, namespace: string | undefined, name: string): string {
  if (rt.namespaced) {
    if (name !== lastName || namespace !== lastNamespace || rt !== lastRt) {
      lastKey = namespacePrefix(rt, namespace) + name;
      lastRt = rt;
      lastNamespace = namespace;
      lastName = name;
    }
    return lastKey;
  }
  let keys = clusterKeys.get(rt);
  if (keys === undefined) {
    keys = new Map();
    clusterKeys.set(rt, keys);
  }
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= CLUSTER_KEYS_LIMIT) keys.clear();
    key = `/registry/${rt.etcdPrefix}/${name}`;
    keys.set(name, key);
  }
  return key;
}

// `/registry/<prefix>/<ns>/`, made once per resource and namespace: a key is then one join, not four.
function namespacePrefix(rt: ResourceType, namespace: string | undefined): string {
  let prefixes = namespacePrefixes.get(rt);
  if (prefixes === undefined) {
    prefixes = new Map();
    namespacePrefixes.set(rt, prefixes);
  }
  let prefix = prefixes.get(namespace);
  if (prefix === undefined) {
    if (prefixes.size >= CLUSTER_KEYS_LIMIT) prefixes.clear();
    prefix = `/registry/${rt.etcdPrefix}/${namespace}/`;
    prefixes.set(namespace, prefix);
  }
  return prefix;
}

/** The etcd prefix listing a resource, optionally within one namespace. */
export function storagePrefix(rt: ResourceType, namespace?: string): string {
  return rt.namespaced && namespace
    ? `/registry/${rt.etcdPrefix}/${namespace}/`
    : `/registry/${rt.etcdPrefix}/`;
}
