// The options the API server's calls take, and its configuration.
import type { Etcd } from "../etcd/store.ts";
import type { EventLoop } from "../util/event-loop.ts";
import type { Random } from "../util/random.ts";

/** Options of a list or watch. */
export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Options of a delete, as DeleteOptions carries them. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  dryRun?: boolean;
}

/**
 * `handOff: true` is for in-process callers that built the object for this one call and never touch it
 * again: the server keeps it without the defensive copy (a real client serializes it anyway).
 */
export interface WriteOptions {
  dryRun?: boolean;
  handOff?: boolean;
}

/** Configuration of the API server. */
export interface ApiServerConfig {
  etcd: Etcd;
  loop: EventLoop;
  random: Random;
  serviceCIDR: string;
  nodePortRange: string;
}
