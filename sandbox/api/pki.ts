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

/**
 * The text of a kubeadm PKI file: the cluster CA for ca.crt; for the others (front-proxy-ca.crt, sa.pub,
 * ...) one PEM-shaped placeholder per kind, as the model keeps no key material.
 */
export function placeholderPem(file: string): string {
  if (file === "ca.crt") return CLUSTER_CA_PEM;
  const kind = file.endsWith(".key") ? "PRIVATE KEY" : file.endsWith(".pub") ? "PUBLIC KEY" : "CERTIFICATE";
  return `-----BEGIN ${kind}-----\nkubenotes models no real key material\n-----END ${kind}-----\n`;
}
