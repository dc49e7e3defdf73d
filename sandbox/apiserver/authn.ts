// Bearer-token authentication for requests over HTTPS: a service-account token (the JWT the kubelet
// mounts in every pod) names its service account, and, bound to a pod, that pod.
// Deviation: the model signs tokens with no key, so the signature is not checked; the claims are, and the
// service account and pod they name must still exist with the same uids (as for a bound token).
import { SA_ISSUER } from "../api/pki.ts";
import type { Pod, ServiceAccount } from "../api/types.ts";
import { impersonatedUser } from "./rbac/identity.ts";
import type { UserInfo } from "./rbac/types.ts";
import type { ApiServer } from "./server.ts";

interface Claims {
  iss?: string;
  sub?: string;
  exp?: number;
  nbf?: number;
  "kubernetes.io"?: {
    namespace?: string;
    serviceaccount?: { name?: string; uid?: string };
    pod?: { name?: string; uid?: string };
  };
}

function decodeSegment(segment: string): Claims | undefined {
  try {
    const b64 = segment.replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4))) as Claims;
  } catch {
    return undefined;
  }
}

/** The user a bearer token authenticates as at `nowMs`, or undefined when it does not (401). */
export function authenticateBearer(api: ApiServer, token: string, nowMs: number): UserInfo | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const claims = decodeSegment(parts[1]);
  const k8s = claims?.["kubernetes.io"];
  if (!claims || !k8s || claims.iss !== SA_ISSUER) return undefined;
  const now = nowMs / 1000;
  if (typeof claims.exp !== "number" || claims.exp <= now) return undefined;
  if (typeof claims.nbf === "number" && claims.nbf > now) return undefined;
  const ns = k8s.namespace ?? "";
  const name = k8s.serviceaccount?.name ?? "";
  if (claims.sub !== `system:serviceaccount:${ns}:${name}`) return undefined;
  const sa = api.tryGet<ServiceAccount>("serviceaccounts", ns, name);
  if (!sa || sa.metadata.uid !== k8s.serviceaccount?.uid) return undefined;
  if (k8s.pod) {
    const pod = api.tryGet<Pod>("pods", ns, k8s.pod.name ?? "");
    if (!pod || pod.metadata.uid !== k8s.pod.uid) return undefined;
  }
  return impersonatedUser(claims.sub, []);
}
