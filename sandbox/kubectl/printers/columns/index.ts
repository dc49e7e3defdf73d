// The table handler for each resource type, keyed by plural.
import type { TableHandler } from "../table-model.ts";
import { cronJobTable, jobTable } from "./batch.ts";
import { componentStatusTable } from "./component-statuses.ts";
import { configMapTable, leaseTable, secretTable, serviceAccountTable } from "./config.ts";
import { endpointSliceTable, endpointsTable } from "./endpoints.ts";
import { eventTable } from "./events.ts";
import { namespaceTable } from "./namespaces.ts";
import { nodeTable } from "./nodes.ts";
import { podTable } from "./pods.ts";
import { bindingTable, defaultTable } from "./rbac.ts";
import { serviceTable } from "./services.ts";
import { daemonSetTable, deploymentTable, replicaSetTable } from "./workloads.ts";

const HANDLERS: Record<string, TableHandler> = {
  pods: podTable,
  nodes: nodeTable,
  services: serviceTable,
  namespaces: namespaceTable,
  endpoints: endpointsTable,
  endpointslices: endpointSliceTable,
  deployments: deploymentTable,
  replicasets: replicaSetTable,
  daemonsets: daemonSetTable,
  jobs: jobTable,
  cronjobs: cronJobTable,
  componentstatuses: componentStatusTable,
  configmaps: configMapTable,
  secrets: secretTable,
  serviceaccounts: serviceAccountTable,
  events: eventTable,
  leases: leaseTable,
  rolebindings: bindingTable,
  clusterrolebindings: bindingTable,
};

/** Find the table handler for a resource plural; types without a printer (roles, clusterroles) get NAME CREATED AT. */
export function tableHandlerFor(plural: string): TableHandler {
  return HANDLERS[plural] ?? defaultTable;
}
