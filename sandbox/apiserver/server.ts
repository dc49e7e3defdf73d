// kube-apiserver: the only component that touches etcd. Every other component is a client of this class.
import {
  groupVersion,
  lookupResource,
  type ResourceType,
  WITH_STATUS_SUBRESOURCE,
} from "../api/resources.ts";
import type { KubeObject, Pod, TokenRequest } from "../api/types.ts";
import type { Etcd, KeyValue } from "../etcd/store.ts";
import { clone } from "../util/clone.ts";
import type { EventLoop } from "../util/event-loop.ts";
import type { Random } from "../util/random.ts";
import { rfc3339 } from "../util/time.ts";
import { admit, admitDelete } from "./admission.ts";
import { applyDefaults } from "./defaults/index.ts";
import {
  alreadyExists,
  badRequest,
  conflict,
  invalidError,
  methodNotAllowed,
  notFound,
  required,
} from "./errors.ts";
import { deletionDone, planDelete } from "./graceful-delete.ts";
import { ComponentStatusRegistry } from "./registry/componentstatus.ts";
import { prepareJob } from "./registry/jobs.ts";
import { boundPod, preparePod } from "./registry/pods.ts";
import { ServiceRegistry } from "./registry/services.ts";
import { createToken } from "./registry/token-request.ts";
import { matchesFields, matchesLabels, SelectorCache } from "./selectors.ts";
import type { ApiServerConfig, DeleteOptions, ListOptions, WriteOptions } from "./server-options.ts";
import { storageKey, storagePrefix } from "./storage-keys.ts";
import {
  dropServerFields,
  GENERATION,
  generatedName,
  keepServerFields,
  storedShape,
} from "./stored-shape.ts";
import { decodeError, validateCreate, validateUpdate } from "./validation/index.ts";
import { type ApiWatchEvent, WatchHub } from "./watch-hub.ts";

// V8 makes a slice of 13 or more characters a view of its parent string instead of a copy.
const SLICED_NAME_MIN = 13;

export type { ApiServerConfig, DeleteOptions, ListOptions, WriteOptions } from "./server-options.ts";

/** The cluster's API server. */
export class ApiServer {
  readonly etcd: Etcd;
  readonly loop: EventLoop;
  private readonly random: Random;
  private readonly hubs = new Map<string, WatchHub>();
  readonly services: ServiceRegistry;
  /** The componentstatuses resource, which probes rather than stores. */
  readonly componentStatuses = new ComponentStatusRegistry();
  private readonly admission: { suffix: () => string };
  private readonly selectors = new SelectorCache();
  private readonly tokens: Random;

  constructor(config: ApiServerConfig) {
    if (!config.etcd || !config.loop || !config.random)
      throw new Error("ApiServer: etcd, loop and random are required");
    this.etcd = config.etcd;
    this.loop = config.loop;
    this.random = config.random;
    this.admission = { suffix: () => this.random.string(5) };
    // Tokens draw from their own stream, so issuing one shifts no generated name or uid.
    this.tokens = config.random.fork("tokens");
    this.services = new ServiceRegistry(
      config.serviceCIDR,
      config.nodePortRange,
      config.random.fork("services"),
    );
  }

  /** Resolve a resource name or fail with kubectl's unknown-type error. */
  resource(name: string): ResourceType {
    const rt = lookupResource(name);
    if (!rt) throw badRequest(`the server doesn't have a resource type "${name}"`);
    return rt;
  }

  // Resolve a resource for a verb it must serve (componentstatuses serves only get and list).
  private serving(name: string, verb: string): ResourceType {
    const rt = this.resource(name);
    if (!rt.verbs.includes(verb))
      throw methodNotAllowed("the server does not allow this method on the requested resource");
    return rt;
  }

  /** Create an object. The namespace comes from the object, else `namespace`, else `default`. */
  create<T extends KubeObject>(
    plural: string,
    input: KubeObject,
    opts: { namespace?: string } & WriteOptions = {},
  ): T {
    const rt = this.serving(plural, "create");
    const undecodable = decodeError(rt.plural, input);
    if (undecodable) throw badRequest(undecodable);
    const obj = opts.handOff ? input : clone(input);
    obj.apiVersion = groupVersion(rt);
    obj.kind = rt.kind;
    obj.metadata ??= {};
    const meta = obj.metadata;
    if (rt.namespaced) meta.namespace = meta.namespace || opts.namespace || "default";
    else delete meta.namespace;
    // The key the name was generated with: the same string serves the write (its hash is already made).
    let generatedKey = "";
    if (!meta.name && meta.generateName)
      meta.name = generatedName(
        rt,
        meta.generateName,
        () => this.random.string(5),
        (n) => {
          generatedKey = storageKey(rt, meta.namespace, n);
          return this.etcd.get(generatedKey);
        },
      );
    const keyName = meta.name;
    const keyNamespace = meta.namespace;
    dropServerFields(meta);
    if (!meta.name) {
      throw invalidError(rt.kind, rt.group, "", [
        required("metadata.name", "name or generateName is required"),
      ]);
    }
    applyDefaults(rt.plural, obj);
    // PrepareForCreate: a job's selector comes from its uid (so it gets one now), a pod starts Pending.
    if (rt.plural === "jobs") {
      meta.uid = this.random.uuid();
      prepareJob(obj);
    } else if (rt.plural === "pods") preparePod(obj);
    const errors = validateCreate(rt.plural, obj);
    if (errors.length > 0) throw invalidError(rt.kind, rt.group, meta.name, errors);
    admit(this, rt, obj, this.admission);
    const key =
      generatedKey && meta.name === keyName && meta.namespace === keyNamespace
        ? generatedKey
        : storageKey(rt, meta.namespace, meta.name);
    if (this.etcd.get(key)) throw alreadyExists(rt.plural, rt.group, meta.name);
    // A long name is kept as a slice of its key (which ends with it) rather than as a second copy of the
    // same characters: the stored object and everyone reading it share the key's.
    if (meta.name.length >= SLICED_NAME_MIN) meta.name = key.slice(key.length - meta.name.length);
    if (rt.plural === "services") this.services.allocate(obj, !!opts.dryRun);
    meta.uid ??= this.random.uuid();
    meta.creationTimestamp = rfc3339(this.loop.now());
    if (GENERATION.has(rt.plural)) meta.generation = 1;
    // A dry run answers the object as it would be stored, uid included, less the resourceVersion that only
    // storing gives it (the storage layer copies the object out unversioned).
    if (opts.dryRun) return storedShape(obj, "") as T;
    // `obj` is the server's own copy, or a handed-off object already finished in place above: either way
    // storedShape may finish it in place too rather than copy its top level.
    return this.store(rt, key, obj, undefined, true, true) as T;
  }

  /** Read one object; throws NotFound. */
  get<T extends KubeObject>(plural: string, namespace: string | undefined, name: string): T {
    const rt = this.resource(plural);
    if (rt.plural === "componentstatuses") return this.componentStatuses.get(name) as KubeObject as T;
    const kv = this.etcd.get(storageKey(rt, namespace, name));
    if (!kv) throw notFound(rt.plural, rt.group, name);
    return kv.value as T;
  }

  /** Read one object or undefined. */
  tryGet<T extends KubeObject>(plural: string, namespace: string | undefined, name: string): T | undefined {
    const rt = this.resource(plural);
    return this.etcd.get(storageKey(rt, namespace, name))?.value as T | undefined;
  }

  /** List objects, filtered by namespace and selectors, in key order. Returned objects must not be mutated. */
  list<T extends KubeObject>(
    plural: string,
    opts: ListOptions = {},
  ): { items: T[]; resourceVersion: string } {
    const rt = this.resource(plural);
    const labels = this.selectors.label(opts.labelSelector ?? "");
    const fields = this.selectors.field(opts.fieldSelector ?? "", rt.plural);
    const items: T[] = [];
    if (rt.plural === "componentstatuses") {
      // Probed, not stored: no resourceVersion.
      for (const o of this.componentStatuses.list())
        if (matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o))
          items.push(o as KubeObject as T);
      return { items, resourceVersion: "" };
    }
    for (const kv of this.etcd.range(storagePrefix(rt, opts.namespace))) {
      const o = kv.value as T;
      if (matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o)) items.push(o);
    }
    return { items, resourceVersion: String(this.etcd.revision()) };
  }

  /** Replace an object's spec and metadata (status is kept: it has its own subresource). */
  update<T extends KubeObject>(plural: string, input: KubeObject, opts: WriteOptions = {}): T {
    return this.write<T>(plural, input, false, !!opts.dryRun, !!opts.handOff);
  }

  /** Replace an object's status only. */
  updateStatus<T extends KubeObject>(plural: string, input: KubeObject, opts: WriteOptions = {}): T {
    return this.write<T>(plural, input, true, false, !!opts.handOff);
  }

  /**
   * Read, copy, change and write back; `change` returns false to skip the write. With `status`, only the
   * status is copied and `change` may change nothing else. Without it, a kind with a status subresource
   * shares the stored status (a spec update keeps it anyway), so `change` must leave the status alone.
   */
  mutate<T extends KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
    change: (obj: T) => boolean | undefined,
    status = false,
  ): T {
    const stored = this.get<T>(plural, namespace, name);
    let cur: T;
    if (status) cur = { ...stored, status: clone(stored.status) } as T;
    else if (!WITH_STATUS_SUBRESOURCE.has(this.resource(plural).plural)) cur = clone(stored);
    else {
      // The keys keep the stored order and drop undefined values, as clone() of the whole object does.
      const copy: Record<string, unknown> = {};
      for (const k in stored) {
        const v = (stored as Record<string, unknown>)[k];
        if (v !== undefined && typeof v !== "function") copy[k] = k === "status" ? v : clone(v);
      }
      cur = copy as T;
    }
    if (change(cur) === false) return cur;
    // `cur` is our own copy: hand it over rather than copy it again.
    return status
      ? this.updateStatus<T>(plural, cur, { handOff: true })
      : this.update<T>(plural, cur, { handOff: true });
  }

  /**
   * Write a whole new status on the current object: a status update carries nothing else, so unlike
   * `mutate` the rest of the object is not copied. `status` is handed over (the caller must not keep it).
   */
  replaceStatus<T extends KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
    status: T["status"],
  ): T {
    const cur = this.get<T>(plural, namespace, name);
    return this.updateStatus<T>(plural, { ...cur, status } as KubeObject, { handOff: true });
  }

  /**
   * Bind a pod to a node (the pods/binding subresource): sets spec.nodeName and the PodScheduled condition.
   * Fails with Conflict when the pod is already bound, as the real registry does.
   */
  bind(namespace: string, name: string, nodeName: string): Pod {
    const rt = this.resource("pods");
    const key = storageKey(rt, namespace, name);
    const kv = this.etcd.get(key);
    if (!kv) throw notFound("pods", "", name);
    const pod = boundPod(kv.value as Pod, nodeName, rfc3339(this.loop.now()));
    return this.store(rt, key, pod, kv, true) as Pod;
  }

  /**
   * Request a token for a service account (the serviceaccounts/token subresource); `random` is the
   * caller's stream where its draws must stay its own (the kubelet's).
   */
  createToken(namespace: string, name: string, request: TokenRequest, random?: Random): TokenRequest {
    return createToken(this, namespace, name, request, this.loop.now(), random ?? this.tokens);
  }

  /**
   * Delete an object. Pods bound to a node and objects with finalizers are only marked (deletionTimestamp);
   * their owners finish the job. Returns the object as the DELETE response carries it.
   */
  delete<T extends KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): T {
    const rt = this.serving(plural, "delete");
    const key = storageKey(rt, namespace, name);
    const kv = this.etcd.get(key);
    if (!kv) throw notFound(rt.plural, rt.group, name);
    admitDelete(rt, name);
    const cur = kv.value as KubeObject;
    if (opts.dryRun) return cur as T;
    const plan = planDelete(rt, cur, opts, this.loop.now());
    if (plan.kind === "mark") return this.store(rt, key, plan.obj, kv, true, true) as T;
    if (plan.kind === "remove") this.remove(rt, key, cur);
    return cur as T;
  }

  /** Watch a resource type from now on; handlers run asynchronously on the event loop. */
  watch(plural: string, opts: ListOptions, handler: (ev: ApiWatchEvent) => void): () => void {
    const rt = this.serving(plural, "watch");
    const filter = {
      namespace: opts.namespace,
      labels: this.selectors.label(opts.labelSelector ?? ""),
      fields: this.selectors.field(opts.fieldSelector ?? "", rt.plural),
    };
    return this.hub(rt).add(filter, handler);
  }

  private write<T extends KubeObject>(
    plural: string,
    input: KubeObject,
    statusOnly: boolean,
    dryRun: boolean,
    handOff = false,
  ): T {
    const rt = this.serving(plural, "update");
    const name = input.metadata?.name ?? "";
    const ns = rt.namespaced ? input.metadata?.namespace || "default" : undefined;
    const key = storageKey(rt, ns, name);
    const kv = this.etcd.get(key);
    if (!kv) throw notFound(rt.plural, rt.group, name);
    const old = kv.value as KubeObject;
    const rv = input.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(rt.plural, rt.group, name);
    if (statusOnly) {
      // Only status (and, for the namespace finalize call, spec) comes from the caller: the rest of the
      // stored object is reused as is, since stored objects are never changed in place.
      const status = handOff ? input.status : clone(input.status);
      // The metadata is shared with the stored object too: storedShape copies it before setting the version.
      const merged: KubeObject = { ...old, status };
      if (rt.plural === "namespaces" && input.spec) merged.spec = handOff ? input.spec : clone(input.spec);
      return this.commit<T>(rt, key, merged, kv, dryRun, true, false);
    }
    const undecodable = decodeError(rt.plural, input);
    if (undecodable) throw badRequest(undecodable);
    const obj = handOff ? input : clone(input);
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    const meta = obj.metadata;
    keepServerFields(meta, old.metadata);
    if (WITH_STATUS_SUBRESOURCE.has(rt.plural)) obj.status = old.status;
    if (rt.plural !== "services") applyDefaults(rt.plural, obj);
    else this.services.preserve(obj, old);
    const errors = validateUpdate(rt.plural, obj, old);
    if (errors.length > 0) throw invalidError(rt.kind, rt.group, name, errors);
    if (GENERATION.has(rt.plural) && JSON.stringify(obj.spec) !== JSON.stringify(old.spec)) {
      meta.generation = (old.metadata.generation ?? 1) + 1;
    } else if (old.metadata.generation !== undefined) {
      meta.generation = old.metadata.generation;
    }
    // The metadata is ours either way: keepServerFields has already changed it in place.
    return this.commit<T>(rt, key, obj, kv, dryRun, !handOff, true);
  }

  private commit<T extends KubeObject>(
    rt: ResourceType,
    key: string,
    obj: KubeObject,
    cur: KeyValue,
    dryRun: boolean,
    own: boolean,
    ownMeta: boolean,
  ): T {
    if (dryRun) return obj as T;
    if (deletionDone(rt, obj)) {
      this.remove(rt, key, cur.value as KubeObject);
      return obj as T;
    }
    return this.store(rt, key, obj, cur, own, ownMeta) as T;
  }

  // `cur` is the stored entry the write was based on (undefined for a create): the write succeeds only while
  // it is still the current one, so its value is also the previous object the watchers see. `own` says
  // `obj` is a fresh object of the server's (a copy, not a caller's), which storedShape may finish in place;
  // `ownMeta` says the same of its metadata (not shared with the stored object, as a status write's is).
  private store(
    rt: ResourceType,
    key: string,
    obj: KubeObject,
    cur: KeyValue | undefined,
    own: boolean,
    ownMeta = false,
  ): KubeObject {
    const finished = storedShape(obj, String(this.etcd.revision() + 1), own, ownMeta);
    const kv = this.etcd.putIf(key, cur?.modRevision ?? 0, finished);
    if (!kv) throw conflict(rt.plural, rt.group, obj.metadata.name ?? "");
    this.hub(rt).publish(cur?.value as KubeObject | undefined, finished);
    return finished;
  }

  private remove(rt: ResourceType, key: string, old: KubeObject): void {
    this.etcd.delete(key);
    if (rt.plural === "services") this.services.release(old);
    // The DELETED event carries the revision of the delete, as a real watch does.
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(this.etcd.revision()) } };
    this.hub(rt).publish(gone, undefined);
  }

  private hub(rt: ResourceType): WatchHub {
    const h = this.hubs.get(rt.plural);
    if (h) return h;
    const made = new WatchHub(this.loop);
    this.hubs.set(rt.plural, made);
    return made;
  }
}
