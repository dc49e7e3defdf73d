// The default ClusterRoles kube-apiserver v1.32 writes at start (bootstrappolicy.ClusterRoles(), with the
// default feature gates): testdata/cluster-roles.yaml in Kubernetes, in its order.
import type { PolicyRule } from "../../../api/types.ts";
import { core, eventsRule, READ, rule, urls, WRITE } from "./rule.ts";

/** One bootstrap ClusterRole: its name, rules, extra labels and the label its aggregationRule selects. */
export interface RoleSpec {
  name: string;
  rules: PolicyRule[];
  labels?: Record<string, string>;
  aggregateFrom?: string;
}

const AGG = "rbac.authorization.k8s.io/aggregate-to-";
const ALL = "create delete deletecollection get list patch update watch";

/** The ClusterRoles of bootstrappolicy.ClusterRoles(). */
export function clusterRoles(): RoleSpec[] {
  return [
    { name: "admin", rules: [], aggregateFrom: `${AGG}admin` },
    {
      name: "cluster-admin",
      rules: [rule(["*"], "*", "*"), urls("*", "*")],
    },
    { name: "edit", rules: [], labels: { [`${AGG}admin`]: "true" }, aggregateFrom: `${AGG}edit` },
    {
      name: "system:aggregate-to-admin",
      labels: { [`${AGG}admin`]: "true" },
      rules: [
        rule(["authorization.k8s.io"], "localsubjectaccessreviews", "create"),
        rule(["rbac.authorization.k8s.io"], "rolebindings roles", ALL),
      ],
    },
    {
      name: "system:aggregate-to-edit",
      labels: { [`${AGG}edit`]: "true" },
      rules: [
        core("pods/attach pods/exec pods/portforward pods/proxy secrets services/proxy", READ),
        core("serviceaccounts", "impersonate"),
        core("pods pods/attach pods/exec pods/portforward pods/proxy", WRITE),
        core("pods/eviction", "create"),
        core(
          "configmaps events persistentvolumeclaims replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy",
          WRITE,
        ),
        core("serviceaccounts/token", "create"),
        rule(
          ["apps"],
          "daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale",
          WRITE,
        ),
        rule(["autoscaling"], "horizontalpodautoscalers", WRITE),
        rule(["batch"], "cronjobs jobs", WRITE),
        rule(
          ["extensions"],
          "daemonsets deployments deployments/rollback deployments/scale ingresses networkpolicies replicasets replicasets/scale replicationcontrollers/scale",
          WRITE,
        ),
        rule(["policy"], "poddisruptionbudgets", WRITE),
        rule(["networking.k8s.io"], "ingresses networkpolicies", WRITE),
        rule(["coordination.k8s.io"], "leases", ALL),
      ],
    },
    {
      name: "system:aggregate-to-view",
      labels: { [`${AGG}view`]: "true" },
      rules: [
        core(
          "configmaps endpoints persistentvolumeclaims persistentvolumeclaims/status pods replicationcontrollers replicationcontrollers/scale serviceaccounts services services/status",
          READ,
        ),
        core(
          "bindings events limitranges namespaces/status pods/log pods/status replicationcontrollers/status resourcequotas resourcequotas/status",
          READ,
        ),
        core("namespaces", READ),
        rule(["discovery.k8s.io"], "endpointslices", READ),
        rule(
          ["apps"],
          "controllerrevisions daemonsets daemonsets/status deployments deployments/scale deployments/status replicasets replicasets/scale replicasets/status statefulsets statefulsets/scale statefulsets/status",
          READ,
        ),
        rule(["autoscaling"], "horizontalpodautoscalers horizontalpodautoscalers/status", READ),
        rule(["batch"], "cronjobs cronjobs/status jobs jobs/status", READ),
        rule(
          ["extensions"],
          "daemonsets daemonsets/status deployments deployments/scale deployments/status ingresses ingresses/status networkpolicies replicasets replicasets/scale replicasets/status replicationcontrollers/scale",
          READ,
        ),
        rule(["policy"], "poddisruptionbudgets poddisruptionbudgets/status", READ),
        rule(["networking.k8s.io"], "ingresses ingresses/status networkpolicies", READ),
      ],
    },
    {
      name: "system:auth-delegator",
      rules: [
        rule(["authentication.k8s.io"], "tokenreviews", "create"),
        rule(["authorization.k8s.io"], "subjectaccessreviews", "create"),
      ],
    },
    {
      name: "system:basic-user",
      rules: [
        rule(["authorization.k8s.io"], "selfsubjectaccessreviews selfsubjectrulesreviews", "create"),
        rule(["authentication.k8s.io"], "selfsubjectreviews", "create"),
      ],
    },
    ...csrRoles(),
    {
      name: "system:discovery",
      rules: [
        urls(
          "/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/",
          "get",
        ),
      ],
    },
    {
      name: "system:heapster",
      rules: [core("events namespaces nodes pods", READ), rule(["extensions"], "deployments", READ)],
    },
    { name: "system:kube-aggregator", rules: [core("endpoints services", READ)] },
    ...componentRoles(),
  ];
}

function csrRoles(): RoleSpec[] {
  const prefix = "system:certificates.k8s.io:";
  const certs = ["certificates.k8s.io"];
  const approver = (name: string, signer: string): RoleSpec => ({
    name: `${prefix}${name}`,
    rules: [rule(certs, "signers", "approve", `kubernetes.io/${signer}`)],
  });
  return [
    {
      name: `${prefix}certificatesigningrequests:nodeclient`,
      rules: [rule(certs, "certificatesigningrequests/nodeclient", "create")],
    },
    {
      name: `${prefix}certificatesigningrequests:selfnodeclient`,
      rules: [rule(certs, "certificatesigningrequests/selfnodeclient", "create")],
    },
    approver("kube-apiserver-client-approver", "kube-apiserver-client"),
    approver("kube-apiserver-client-kubelet-approver", "kube-apiserver-client-kubelet"),
    approver("kubelet-serving-approver", "kubelet-serving"),
    approver("legacy-unknown-approver", "legacy-unknown"),
  ];
}

// The roles of the control-plane components and node agents, system:kube-controller-manager to view.
function componentRoles(): RoleSpec[] {
  const lease = ["coordination.k8s.io"];
  const storage = ["storage.k8s.io"];
  return [
    {
      name: "system:kube-controller-manager",
      rules: [
        eventsRule(),
        rule(lease, "leases", "create"),
        rule(lease, "leases", "get update", "kube-controller-manager"),
        core("secrets serviceaccounts", "create"),
        core("secrets", "delete"),
        core("configmaps namespaces secrets serviceaccounts", "get"),
        core("secrets serviceaccounts", "update"),
        rule(["authentication.k8s.io"], "tokenreviews", "create"),
        rule(["authorization.k8s.io"], "subjectaccessreviews", "create"),
        rule(["*"], "*", "list watch"),
        core("serviceaccounts/token", "create"),
      ],
    },
    { name: "system:kube-dns", rules: [core("endpoints services", "list watch")] },
    {
      name: "system:kube-scheduler",
      rules: [
        eventsRule(),
        rule(lease, "leases", "create"),
        rule(lease, "leases", "get update", "kube-scheduler"),
        core("nodes", READ),
        core("pods", "delete get list watch"),
        core("bindings pods/binding", "create"),
        core("pods/status", "patch update"),
        core("replicationcontrollers services", READ),
        rule(["apps", "extensions"], "replicasets", READ),
        rule(["apps"], "statefulsets", READ),
        rule(["policy"], "poddisruptionbudgets", READ),
        core("persistentvolumeclaims persistentvolumes", READ),
        rule(["authentication.k8s.io"], "tokenreviews", "create"),
        rule(["authorization.k8s.io"], "subjectaccessreviews", "create"),
        rule(storage, "csinodes", READ),
        core("namespaces", READ),
        rule(storage, "csidrivers", READ),
        rule(storage, "csistoragecapacities", READ),
      ],
    },
    {
      name: "system:kubelet-api-admin",
      rules: [
        core("nodes", READ),
        core("nodes", "proxy"),
        core("nodes/log nodes/metrics nodes/proxy nodes/stats", "*"),
      ],
    },
    {
      name: "system:monitoring",
      rules: [urls("/healthz /healthz/* /livez /livez/* /metrics /metrics/slis /readyz /readyz/*", "get")],
    },
    { name: "system:node", rules: nodeRules() },
    {
      name: "system:node-bootstrapper",
      rules: [rule(["certificates.k8s.io"], "certificatesigningrequests", "create get list watch")],
    },
    {
      name: "system:node-problem-detector",
      rules: [core("nodes", "get"), core("nodes/status", "patch"), eventsRule()],
    },
    {
      name: "system:node-proxier",
      rules: [
        core("endpoints services", "list watch"),
        core("nodes", READ),
        eventsRule(),
        rule(["discovery.k8s.io"], "endpointslices", "list watch"),
      ],
    },
    {
      name: "system:persistent-volume-provisioner",
      rules: [
        core("persistentvolumes", "create delete get list watch"),
        core("persistentvolumeclaims", "get list update watch"),
        rule(storage, "storageclasses", READ),
        core("events", "watch"),
        eventsRule(),
      ],
    },
    { name: "system:public-info-viewer", rules: [urls("/healthz /livez /readyz /version /version/", "get")] },
    {
      name: "system:service-account-issuer-discovery",
      rules: [urls("/.well-known/openid-configuration /openid/v1/jwks", "get")],
    },
    {
      name: "system:volume-scheduler",
      rules: [
        core("persistentvolumes", "get list patch update watch"),
        rule(storage, "storageclasses", READ),
        core("persistentvolumeclaims", "get list patch update watch"),
      ],
    },
    { name: "view", rules: [], labels: { [`${AGG}edit`]: "true" }, aggregateFrom: `${AGG}view` },
  ];
}

// system:node: what the kubelet may do (the Node authorizer narrows it to the node's own objects).
function nodeRules(): PolicyRule[] {
  return [
    rule(["authentication.k8s.io"], "tokenreviews", "create"),
    rule(["authorization.k8s.io"], "localsubjectaccessreviews subjectaccessreviews", "create"),
    core("services", READ),
    core("nodes", "create get list watch"),
    core("nodes/status", "patch update"),
    core("nodes", "patch update"),
    core("events", "create patch update"),
    core("pods", READ),
    core("pods", "create delete"),
    core("pods/status", "patch update"),
    core("pods/eviction", "create"),
    core("configmaps secrets", READ),
    core("persistentvolumeclaims persistentvolumes", "get"),
    core("endpoints", "get"),
    rule(["certificates.k8s.io"], "certificatesigningrequests", "create get list watch"),
    rule(["coordination.k8s.io"], "leases", "create delete get patch update"),
    rule(["storage.k8s.io"], "volumeattachments", "get"),
    core("serviceaccounts/token", "create"),
    core("persistentvolumeclaims/status", "get patch update"),
    rule(["storage.k8s.io"], "csidrivers", READ),
    rule(["storage.k8s.io"], "csinodes", "create delete get patch update"),
    rule(["node.k8s.io"], "runtimeclasses", READ),
  ];
}
