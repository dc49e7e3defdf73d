// The sandbox's front door: everything cells, the site and tests may use. The rest is internal.
export type { ResourceType } from "./api/resources.ts";
export { lookupResource, RESOURCES } from "./api/resources.ts";
export type * from "./api/types.ts";
export { StatusError } from "./apiserver/errors.ts";
export type { ApiServer, DeleteOptions, ListOptions } from "./apiserver/server.ts";
export {
  Cluster,
  type ClusterNode,
  type ClusterOptions,
  createCluster,
  DEFAULT_START,
} from "./cluster/cluster.ts";
export { PRESET_NAMES, PRESETS, resolvePreset } from "./cluster/presets.ts";
export type { CommandResult } from "./kubectl/context.ts";
export { explainConnection } from "./network/explain.ts";
export { type ScriptEntry, Shell } from "./shell/shell.ts";
