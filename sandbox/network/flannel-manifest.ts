// The built-in copy of flannel's release manifest (v0.26.4), so `kubectl apply -f <url>` works offline.

import { resourceForKind } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { clone } from "../util/clone.ts";
import KUBE_FLANNEL_JSON from "./kube-flannel.json" with { type: "json" };

/** The URL the flannel README tells people to apply. */
export const FLANNEL_URL = "https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml";

/** Where the manifest is also installed on each node. */
export const FLANNEL_LOCAL_PATH = "/root/kube-flannel.yml";

/** kube-flannel.yml as released with flannel v0.26.4. */
export const KUBE_FLANNEL_YML = `---
kind: Namespace
apiVersion: v1
metadata:
  name: kube-flannel
  labels:
    k8s-app: flannel
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: ServiceAccount
metadata:
  labels:
    k8s-app: flannel
  name: flannel
  namespace: kube-flannel
---
kind: ClusterRole
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  labels:
    k8s-app: flannel
  name: flannel
rules:
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - get
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  resources:
  - nodes/status
  verbs:
  - patch
---
kind: ClusterRoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  labels:
    k8s-app: flannel
  name: flannel
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: flannel
subjects:
- kind: ServiceAccount
  name: flannel
  namespace: kube-flannel
---
kind: ConfigMap
apiVersion: v1
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
  labels:
    tier: node
    k8s-app: flannel
    app: flannel
data:
  cni-conf.json: |
    {
      "name": "cbr0",
      "cniVersion": "0.3.1",
      "plugins": [
        {
          "type": "flannel",
          "delegate": {
            "hairpinMode": true,
            "isDefaultGateway": true
          }
        },
        {
          "type": "portmap",
          "capabilities": {
            "portMappings": true
          }
        }
      ]
    }
  net-conf.json: |
    {
      "Network": "10.244.0.0/16",
      "EnableNFTables": false,
      "Backend": {
        "Type": "vxlan"
      }
    }
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-flannel-ds
  namespace: kube-flannel
  labels:
    tier: node
    app: flannel
    k8s-app: flannel
spec:
  selector:
    matchLabels:
      app: flannel
  template:
    metadata:
      labels:
        tier: node
        app: flannel
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: kubernetes.io/os
                operator: In
                values:
                - linux
      hostNetwork: true
      priorityClassName: system-node-critical
      tolerations:
      - operator: Exists
        effect: NoSchedule
      serviceAccountName: flannel
      initContainers:
      - name: install-cni-plugin
        image: ghcr.io/flannel-io/flannel-cni-plugin:v1.6.2-flannel1
        command:
        - cp
        args:
        - -f
        - /flannel
        - /opt/cni/bin/flannel
        volumeMounts:
        - name: cni-plugin
          mountPath: /opt/cni/bin
      - name: install-cni
        image: ghcr.io/flannel-io/flannel:v0.26.4
        command:
        - cp
        args:
        - -f
        - /etc/kube-flannel/cni-conf.json
        - /etc/cni/net.d/10-flannel.conflist
        volumeMounts:
        - name: cni
          mountPath: /etc/cni/net.d
        - name: flannel-cfg
          mountPath: /etc/kube-flannel/
      containers:
      - name: kube-flannel
        image: ghcr.io/flannel-io/flannel:v0.26.4
        command:
        - /opt/bin/flanneld
        args:
        - --ip-masq
        - --kube-subnet-mgr
        resources:
          requests:
            cpu: "100m"
            memory: "50Mi"
        securityContext:
          privileged: false
          capabilities:
            add: ["NET_ADMIN", "NET_RAW"]
        env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: EVENT_QUEUE_DEPTH
          value: "5000"
        - name: CONT_WHEN_CACHE_NOT_READY
          value: "false"
        volumeMounts:
        - name: run
          mountPath: /run/flannel
        - name: flannel-cfg
          mountPath: /etc/kube-flannel/
        - name: xtables-lock
          mountPath: /run/xtables.lock
      volumes:
      - name: run
        hostPath:
          path: /run/flannel
      - name: cni-plugin
        hostPath:
          path: /opt/cni/bin
      - name: cni
        hostPath:
          path: /etc/cni/net.d
      - name: flannel-cfg
        configMap:
          name: kube-flannel-cfg
      - name: xtables-lock
        hostPath:
          path: /run/xtables.lock
          type: FileOrCreate
`;

// What kube-flannel.yml reads as, document by document.
const KUBE_FLANNEL_OBJECTS = KUBE_FLANNEL_JSON as unknown as readonly KubeObject[];

const URLS = new Set([
  FLANNEL_URL,
  "https://github.com/flannel-io/flannel/releases/download/v0.26.4/kube-flannel.yml",
  "https://raw.githubusercontent.com/flannel-io/flannel/master/Documentation/kube-flannel.yml",
  "https://raw.githubusercontent.com/coreos/flannel/master/Documentation/kube-flannel.yml",
]);

/** Return the built-in text for a manifest URL the model knows, else undefined (offline: nothing else). */
export function builtinManifest(url: string): string | undefined {
  return URLS.has(url.trim()) ? KUBE_FLANNEL_YML : undefined;
}

/**
 * Create every object of kube-flannel.yml, its net-conf set to `podNetwork`, as `kubectl apply` does the first
 * time; returns its output lines. The objects come from kube-flannel.json, what the YAML reads as (a test keeps
 * the two equal), so booting needs no YAML parser.
 */
export function applyFlannel(api: ApiServer, podNetwork: string): string {
  let out = "";
  for (const doc of KUBE_FLANNEL_OBJECTS) {
    const obj = clone(doc);
    const rt = resourceForKind(obj.kind ?? "", obj.apiVersion);
    if (!rt) throw new Error(`no resource for kind ${obj.kind}`);
    const data = (obj as KubeObject & { data?: Record<string, string> }).data;
    const netConf = data?.["net-conf.json"];
    if (data && netConf)
      data["net-conf.json"] = netConf.replace(`"Network": "10.244.0.0/16"`, `"Network": "${podNetwork}"`);
    const applied = JSON.stringify(obj);
    obj.metadata.annotations = {
      ...(obj.metadata.annotations ?? {}),
      "kubectl.kubernetes.io/last-applied-configuration": `${applied}\n`,
    };
    // A private copy: the server may keep it as it is.
    api.create(rt.plural, obj, { handOff: true });
    out += `${rt.kind.toLowerCase()}${rt.group ? `.${rt.group}` : ""}/${obj.metadata.name} created\n`;
  }
  return out;
}
