// Bearer-token authentication for requests over HTTPS: a service-account token (the JWT the kubelet
// mounts in every pod, or one TokenRequest issued) names its service account, and, when bound, the pod,
// secret or node it is bound to.
// Deviation: the model signs tokens with no key, so the signature is not checked; the claims are, and the
// service account and bound objects they name must still exist with the same uids (as for a bound token).
import { SA_ISSUER } from "../api/pki.ts";
import type { KubeObject, ServiceAccount } from "../api/types.ts";
import { impersonatedUser } from "./rbac/identity.ts";
import type { UserInfo } from "./rbac/types.ts";
import { API_AUDIENCES } from "./registry/token-request.ts";
import type { ApiServer } from "./server.ts";

interface Ref {
  name?: string;
  uid?: string;
}

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string[] | string;
  exp?: number;
  nbf?: number;
  "kubernetes.io"?: {
    namespace?: string;
    serviceaccount?: { name?: string; uid?: string };
    pod?: Ref;
    secret?: Ref;
    node?: Ref;
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

// A bound object the token names must exist with the uid it names (a token bound to nothing passes).
function stillThere(api: ApiServer, plural: string, ns: string | undefined, ref: Ref | undefined): boolean {
  if (!ref) return true;
  const obj = api.tryGet<KubeObject>(plural, ns, ref.name ?? "");
  return !!obj && obj.metadata.uid === ref.uid;
}

/** The user a bearer token authenticates as at `nowMs`, or undefined when it does not (401). */
export function authenticateBearer(api: ApiServer, token: string, nowMs: number): UserInfo | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const claims = decodeSegment(parts[1]);
  const k8s = claims?.["kubernetes.io"];
  if (!claims || !k8s || claims.iss !== SA_ISSUER) return undefined;
  // The token must be meant for this server: one of its audiences is the API server's.
  const aud = typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!aud.some((a) => API_AUDIENCES.includes(a))) return undefined;
  const now = nowMs / 1000;
  if (typeof claims.exp !== "number" || claims.exp <= now) return undefined;
  if (typeof claims.nbf === "number" && claims.nbf > now) return undefined;
  const ns = k8s.namespace ?? "";
  const name = k8s.serviceaccount?.name ?? "";
  if (claims.sub !== `system:serviceaccount:${ns}:${name}`) return undefined;
  const sa = api.tryGet<ServiceAccount>("serviceaccounts", ns, name);
  if (!sa || sa.metadata.uid !== k8s.serviceaccount?.uid) return undefined;
  if (!stillThere(api, "pods", ns, k8s.pod) || !stillThere(api, "secrets", ns, k8s.secret)) return undefined;
  if (!stillThere(api, "nodes", undefined, k8s.node)) return undefined;
  return impersonatedUser(claims.sub, []);
}
