// The cluster CA that `kubeadm init` generated, as the places that show it agree on one copy:
// /etc/kubernetes/pki/ca.crt on the nodes, the kube-root-ca.crt ConfigMap in every namespace, the
// service-account token volume, and the cluster-info kubeconfig in kube-public.
// Deviation: the body is a short PEM-shaped stand-in, not a parseable certificate.

/** The service-account token issuer and default audience kubeadm configures (--service-account-issuer). */
export const SA_ISSUER = "https://kubernetes.default.svc.cluster.local";

/** The cluster CA certificate in PEM form. */
export const CLUSTER_CA_PEM =
  "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIkubenotesMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNVBAMT\nCmt1YmVybmV0ZXMwHhcNMjUwMTE1MDg1NTAwWhcNMzUwMTEzMDkwMDAwWjAVMRMw\n-----END CERTIFICATE-----\n";

/** The CA as a kubeconfig's `certificate-authority-data` (base64 of the PEM). */
export const CLUSTER_CA_DATA = btoa(CLUSTER_CA_PEM);
