// The system:controller:* ClusterRoles kube-apiserver v1.32 writes at start (bootstrappolicy.ControllerRoles()
// with the default feature gates: no DRA, SELinux-warning, ServiceCIDR or VolumeAttributesClass controllers).
import type { PolicyRule } from "../../../api/types.ts";
import type { RoleSpec } from "./cluster-roles.ts";
import { core, eventsRule, READ, rule } from "./rule.ts";

/** The prefix of the controllers' roles and bindings. */
export const CONTROLLER_PREFIX = "system:controller:";

const APPS = ["apps", "extensions"];
const CRUD = "create delete get list patch update watch";
const STORAGE = ["storage.k8s.io"];

// Each controller's own rules; most end with the events rule, added below.
const CONTROLLERS: Array<[string, PolicyRule[], boolean?]> = [
  [
    "attachdetach-controller",
    [
      core("persistentvolumeclaims persistentvolumes", "list watch"),
      core("nodes", READ),
      core("nodes/status", "patch update"),
      core("pods", "list watch"),
      eventsRule(),
      rule(STORAGE, "volumeattachments", "create delete get list watch"),
      rule(STORAGE, "csidrivers", READ),
      rule(STORAGE, "csinodes", READ),
    ],
    false,
  ],
  [
    "certificate-controller",
    [
      rule(["certificates.k8s.io"], "certificatesigningrequests", "delete get list watch"),
      rule(
        ["certificates.k8s.io"],
        "certificatesigningrequests/approval certificatesigningrequests/status",
        "update",
      ),
      rule(["certificates.k8s.io"], "signers", "approve", "kubernetes.io/kube-apiserver-client-kubelet"),
      rule(
        ["certificates.k8s.io"],
        "signers",
        "sign",
        "kubernetes.io/kube-apiserver-client kubernetes.io/kube-apiserver-client-kubelet kubernetes.io/kubelet-serving kubernetes.io/legacy-unknown",
      ),
      rule(["authorization.k8s.io"], "subjectaccessreviews", "create"),
    ],
  ],
  [
    "clusterrole-aggregation-controller",
    [rule(["rbac.authorization.k8s.io"], "clusterroles", "escalate get list patch update watch")],
    false,
  ],
  [
    "cronjob-controller",
    [
      rule(["batch"], "cronjobs", "get list update watch"),
      rule(["batch"], "jobs", CRUD),
      rule(["batch"], "cronjobs/status", "update"),
      rule(["batch"], "cronjobs/finalizers", "update"),
      core("pods", "delete list watch"),
    ],
  ],
  [
    "daemon-set-controller",
    [
      rule(APPS, "daemonsets", READ),
      rule(APPS, "daemonsets/status", "update"),
      rule(APPS, "daemonsets/finalizers", "update"),
      core("nodes", "list watch"),
      core("pods", "create delete list patch watch"),
      core("pods/binding", "create"),
      rule(["apps"], "controllerrevisions", CRUD),
    ],
  ],
  [
    "deployment-controller",
    [
      rule(APPS, "deployments", "get list update watch"),
      rule(APPS, "deployments/status", "update"),
      rule(APPS, "deployments/finalizers", "update"),
      rule(APPS, "replicasets", CRUD),
      core("pods", "get list update watch"),
    ],
  ],
  [
    "disruption-controller",
    [
      rule(APPS, "deployments", READ),
      rule(APPS, "replicasets", READ),
      core("replicationcontrollers", READ),
      rule(["policy"], "poddisruptionbudgets", READ),
      rule(["apps"], "statefulsets", READ),
      rule(["policy"], "poddisruptionbudgets/status", "update"),
      core("pods/status", "patch update"),
      rule(["*"], "*/scale", "get"),
    ],
  ],
  [
    "endpoint-controller",
    [
      core("pods services", READ),
      core("endpoints", "create delete get list update watch"),
      core("endpoints/restricted", "create"),
    ],
  ],
  [
    "endpointslice-controller",
    [
      core("nodes pods services", READ),
      core("services/finalizers", "update"),
      rule(["discovery.k8s.io"], "endpointslices", "create delete get list update watch"),
    ],
  ],
  [
    "endpointslicemirroring-controller",
    [
      core("endpoints services", READ),
      core("services/finalizers", "update"),
      core("endpoints/finalizers", "update"),
      rule(["discovery.k8s.io"], "endpointslices", "create delete get list update watch"),
    ],
  ],
  [
    "ephemeral-volume-controller",
    [
      core("pods", READ),
      core("pods/finalizers", "update"),
      core("persistentvolumeclaims", "create get list watch"),
    ],
  ],
  [
    "expand-controller",
    [
      core("persistentvolumes", "get list patch update watch"),
      core("persistentvolumeclaims/status", "patch update"),
      core("persistentvolumeclaims", READ),
    ],
  ],
  ["generic-garbage-collector", [rule(["*"], "*", "delete get list patch update watch")]],
  [
    "horizontal-pod-autoscaler",
    [
      rule(["autoscaling"], "horizontalpodautoscalers", READ),
      rule(["autoscaling"], "horizontalpodautoscalers/status", "update"),
      rule(["*"], "*/scale", "get update"),
      core("pods", "list watch"),
      rule(["metrics.k8s.io"], "pods", "list watch"),
      rule(["custom.metrics.k8s.io"], "*", READ),
      rule(["external.metrics.k8s.io"], "*", READ),
    ],
  ],
  [
    "job-controller",
    [
      rule(["batch"], "jobs", "get list patch update watch"),
      rule(["batch"], "jobs/status", "update"),
      rule(["batch"], "jobs/finalizers", "update"),
      core("pods", "create delete list patch watch"),
    ],
  ],
  [
    "legacy-service-account-token-cleaner",
    [
      core("configmaps", "get", "kube-apiserver-legacy-service-account-token-tracking"),
      core("secrets", "delete patch"),
    ],
    false,
  ],
  [
    "namespace-controller",
    [
      core("namespaces", "delete get list watch"),
      core("namespaces/finalize namespaces/status", "update"),
      rule(["*"], "*", "delete deletecollection get list watch"),
    ],
    false,
  ],
  [
    "node-controller",
    [
      core("nodes", "delete get list patch update watch"),
      core("nodes/status", "patch update"),
      core("pods/status", "patch update"),
      core("pods", "delete get list watch"),
    ],
  ],
  [
    "persistent-volume-binder",
    [
      core("persistentvolumes", "create delete get list update watch"),
      core("persistentvolumes/status", "update"),
      core("persistentvolumeclaims", "get list update watch"),
      core("persistentvolumeclaims/status", "update"),
      core("pods", "create delete get list watch"),
      rule(STORAGE, "storageclasses", READ),
      core("nodes", "list watch"),
      eventsRule(),
      core("events", "watch"),
    ],
    false,
  ],
  [
    "pod-garbage-collector",
    [core("pods", "delete list watch"), core("nodes", READ), core("pods/status", "patch")],
    false,
  ],
  ["pv-protection-controller", [core("persistentvolumes", "get list update watch")]],
  [
    "pvc-protection-controller",
    [core("persistentvolumeclaims", "get list update watch"), core("pods", READ)],
  ],
  [
    "replicaset-controller",
    [
      rule(APPS, "replicasets", "get list update watch"),
      rule(APPS, "replicasets/status", "update"),
      rule(APPS, "replicasets/finalizers", "update"),
      core("pods", "create delete list patch watch"),
    ],
  ],
  [
    "replication-controller",
    [
      core("replicationcontrollers", "get list update watch"),
      core("replicationcontrollers/status", "update"),
      core("replicationcontrollers/finalizers", "update"),
      core("pods", "create delete list patch watch"),
    ],
  ],
  ["resourcequota-controller", [rule(["*"], "*", "list watch"), core("resourcequotas/status", "update")]],
  ["root-ca-cert-publisher", [core("configmaps", "create update")]],
  ["route-controller", [core("nodes", "list watch"), core("nodes/status", "patch")]],
  ["service-account-controller", [core("serviceaccounts", "create")]],
  [
    "service-controller",
    [core("services", READ), core("services/status", "patch update"), core("nodes", "list watch")],
  ],
  [
    "statefulset-controller",
    [
      core("pods", "list watch"),
      rule(["apps"], "statefulsets", READ),
      rule(["apps"], "statefulsets/status", "update"),
      rule(["apps"], "statefulsets/finalizers", "update"),
      core("pods", "create delete get patch update"),
      rule(["apps"], "controllerrevisions", CRUD),
      core("persistentvolumeclaims", "create get list watch"),
      core("persistentvolumeclaims", "delete update"),
      core("pods/finalizers", "update"),
    ],
  ],
  ["ttl-after-finished-controller", [rule(["batch"], "jobs", "delete get list watch")]],
  ["ttl-controller", [core("nodes", "list patch update watch")]],
  [
    "validatingadmissionpolicy-status-controller",
    [
      rule(["admissionregistration.k8s.io"], "validatingadmissionpolicies", READ),
      rule(["admissionregistration.k8s.io"], "validatingadmissionpolicies/status", "get patch update"),
    ],
  ],
];

/** The controllers' ClusterRoles, in name order; each is bound to the controller's ServiceAccount. */
export function controllerRoles(): RoleSpec[] {
  // Roles flagged false list the events rule themselves (or have none).
  return CONTROLLERS.map(([name, rules, events]) => ({
    name: `${CONTROLLER_PREFIX}${name}`,
    rules: events === false ? rules : [...rules, eventsRule()],
  }));
}
