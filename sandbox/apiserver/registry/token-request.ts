// The serviceaccounts/token subresource (TokenRequest, authentication.k8s.io/v1), as the service account
// registry's TokenREST serves it: default and validate the request, look up the object the token is bound
// to, and sign the claims pkg/serviceaccount builds.
import { SA_ISSUER } from "../../api/pki.ts";
import type {
  BoundObjectReference,
  KubeObject,
  Node,
  Pod,
  Secret,
  ServiceAccount,
  TokenRequest,
} from "../../api/types.ts";
import type { Random } from "../../util/random.ts";
import { rfc3339 } from "../../util/time.ts";
import {
  badRequest,
  conflictMessage,
  type FieldError,
  invalid,
  invalidError,
  notFound,
  type StatusError,
} from "../errors.ts";
import { type ClaimRef, signToken, type TokenClaims } from "../sa-token.ts";
import type { ApiServer } from "../server.ts";

const GROUP = "authentication.k8s.io";
/** The API server's audiences (--api-audiences, which kubeadm leaves to default to the issuer). */
export const API_AUDIENCES: readonly string[] = [SA_ISSUER];
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;
// The kubelet asks for 3607 s for its kube-api-access token; with --service-account-extend-token-expiration
// (on in kubeadm) the server issues that pod-bound token for a year and only warns after 3607 s.
const WARN_ONLY_SECONDS = 3607;
const EXTENDED_SECONDS = 365 * 24 * 3600;

// ValidateTokenRequest: the lifetime must be between 10 minutes and 2^32 seconds.
function validate(seconds: number): FieldError[] {
  const path = "spec.expirationSeconds";
  if (seconds < MIN_EXPIRATION_SECONDS)
    return [invalid(path, seconds, "may not specify a duration less than 10 minutes")];
  if (seconds > MAX_EXPIRATION_SECONDS)
    return [invalid(path, seconds, "may not specify a duration larger than 2^32 seconds")];
  return [];
}

// A 409 on the bound object's kind, as errors.NewConflict words it with the kind as the resource.
function uidConflict(kind: string, name: string, uid: string): StatusError {
  return conflictMessage(
    name,
    `Operation cannot be fulfilled on ${kind} "${name}": the UID in the bound object reference (${uid}) does not match the UID in record. The object might have been deleted and then recreated`,
    kind,
  );
}

interface Bound {
  pod?: ClaimRef;
  node?: ClaimRef;
  secret?: ClaimRef;
}

const refOf = (o: KubeObject): ClaimRef => ({ name: o.metadata.name ?? "", uid: o.metadata.uid ?? "" });

// Look up the bound object (NotFound when it is missing) and the claims it adds.
function resolveBound(api: ApiServer, ns: string, sa: string, ref: BoundObjectReference): Bound {
  const name = ref.name ?? "";
  const kind = ref.kind ?? "";
  const core = (ref.apiVersion ?? "") === "v1";
  let bound: Bound;
  let uid: string;
  if (core && kind === "Pod") {
    const pod = api.tryGet<Pod>("pods", ns, name);
    if (!pod) throw notFound("pods", "", name);
    if (pod.spec.serviceAccountName !== sa)
      throw badRequest(
        `cannot bind token for serviceaccount "${sa}" to pod running with different serviceaccount name.`,
      );
    // ServiceAccountTokenPodNodeInfo: a pod-bound token also names the pod's node, when it has one.
    const node = pod.spec.nodeName ? api.tryGet<Node>("nodes", undefined, pod.spec.nodeName) : undefined;
    bound = { pod: refOf(pod), ...(node ? { node: refOf(node) } : {}) };
    uid = bound.pod!.uid;
  } else if (core && kind === "Node") {
    const node = api.tryGet<Node>("nodes", undefined, name);
    if (!node) throw notFound("nodes", "", name);
    bound = { node: refOf(node) };
    uid = bound.node!.uid;
  } else if (core && kind === "Secret") {
    const secret = api.tryGet<Secret>("secrets", ns, name);
    if (!secret) throw notFound("secrets", "", name);
    bound = { secret: refOf(secret) };
    uid = bound.secret!.uid;
  } else {
    const [group, version] = ref.apiVersion?.includes("/") ? ref.apiVersion.split("/") : ["", ref.apiVersion];
    throw badRequest(`cannot bind token to object of type ${group}/${version ?? ""}, Kind=${kind}`);
  }
  if (ref.uid && ref.uid !== uid) throw uidConflict(kind, name, ref.uid);
  return bound;
}

/**
 * Issue a token for service account `name` in `namespace` (POST .../serviceaccounts/NAME/token) at
 * `nowMs`, drawing the jti and signature from `random`; returns the TokenRequest with its status.
 */
export function createToken(
  api: ApiServer,
  namespace: string,
  name: string,
  request: TokenRequest,
  nowMs: number,
  random: Random,
): TokenRequest {
  const meta = request.metadata ?? {};
  if (meta.name && meta.name !== name)
    throw invalidError("TokenRequest", GROUP, name, [
      invalid("metadata.name", meta.name, "must match the service account name if specified"),
    ]);
  const sa = api.tryGet<ServiceAccount>("serviceaccounts", namespace, name);
  if (!sa) throw notFound("serviceaccounts", "", name);
  const spec = request.spec ?? {};
  const audiences = spec.audiences && spec.audiences.length > 0 ? [...spec.audiences] : [...API_AUDIENCES];
  const seconds = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  const errors = validate(seconds);
  if (errors.length > 0) throw invalidError("TokenRequest", GROUP, "", errors);
  const ref = spec.boundObjectRef ?? null;
  const bound = ref ? resolveBound(api, namespace, name, ref) : {};
  let exp = seconds;
  let warnAfter = 0;
  if (bound.pod && seconds === WARN_ONLY_SECONDS && audiences.every((a) => API_AUDIENCES.includes(a))) {
    warnAfter = seconds;
    exp = EXTENDED_SECONDS;
  }
  const iat = Math.floor(nowMs / 1000);
  // Keys in sorted order, as go-jose writes them.
  const claims: TokenClaims = {
    aud: audiences,
    exp: iat + exp,
    iat,
    iss: SA_ISSUER,
    jti: random.uuid(),
    "kubernetes.io": {
      namespace,
      ...(bound.node ? { node: bound.node } : {}),
      ...(bound.pod ? { pod: bound.pod } : {}),
      ...(bound.secret ? { secret: bound.secret } : {}),
      serviceaccount: refOf(sa),
      ...(warnAfter ? { warnafter: iat + warnAfter } : {}),
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  return {
    kind: "TokenRequest",
    apiVersion: `${GROUP}/v1`,
    metadata: { name, namespace, creationTimestamp: rfc3339(nowMs) },
    spec: { audiences, expirationSeconds: seconds, boundObjectRef: ref },
    status: { token: signToken(claims, random), expirationTimestamp: rfc3339(nowMs + seconds * 1000) },
  };
}
