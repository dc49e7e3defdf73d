// `kubectl expose`: spec and help text (kubectl v1.32).
import {
  dryRunFlag,
  fieldManagerFlag,
  filenameFlags,
  printFlags,
  saveConfigFlag,
  UNMODELLED_FILE_FLAGS,
  UNMODELLED_PRINT_FLAGS,
} from "../common-flags.ts";
import { stringFlag } from "../flag-builders.ts";
import { needResources } from "../resource-args.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";

/** The `expose` command. */
export const exposeCommand: CommandSpec = {
  name: "expose",
  use: "(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]",
  disableFlagsInUseLine: true,
  short:
    "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  long: longDesc(
    "Expose a resource as a new Kubernetes service.",
    "Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.",
    "Possible resources include (case insensitive):",
    "pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)",
  ),
  example: examples(`
# Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
kubectl expose rc nginx --port=80 --target-port=8000

# Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000

# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
kubectl expose pod valid-pod --port=444 --name=frontend

# Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https

# Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream

# Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
kubectl expose rs nginx --port=80 --target-port=8000

# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
kubectl expose deployment nginx --port=80 --target-port=8000`),
  // Unconfirmed for v1.32: later releases add --override-type and reword --selector ("infer the selector
  // from the resource being exposed"); this keeps the older set and wording.
  flags: [
    ...printFlags(),
    stringFlag(
      "cluster-ip",
      "",
      "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
    ),
    dryRunFlag(),
    stringFlag(
      "external-ip",
      "",
      "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.",
    ),
    fieldManagerFlag("kubectl-expose"),
    ...filenameFlags("identifying the resource to expose a service"),
    stringFlag("labels", "", "Labels to apply to the service created by this call.", { shorthand: "l" }),
    stringFlag(
      "load-balancer-ip",
      "",
      "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).",
    ),
    stringFlag("name", "", "The name for the newly created object."),
    stringFlag(
      "overrides",
      "",
      "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.",
    ),
    stringFlag(
      "port",
      "",
      "The port that the service should serve on. Copied from the resource being exposed, if unspecified",
    ),
    stringFlag("protocol", "", "The network protocol for the service to be created. Default is 'TCP'."),
    saveConfigFlag(),
    stringFlag(
      "selector",
      "",
      "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)",
    ),
    stringFlag(
      "session-affinity",
      "",
      "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
    ),
    stringFlag(
      "target-port",
      "",
      "Name or number for the port on the container that the service should direct traffic to. Optional.",
    ),
    stringFlag(
      "type",
      "",
      "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    ),
  ],
  unsupported: [
    ...UNMODELLED_PRINT_FLAGS,
    ...UNMODELLED_FILE_FLAGS,
    "filename",
    "load-balancer-ip",
    "overrides",
    "save-config",
    "session-affinity",
  ],
  argsCheck: needResources(),
};
