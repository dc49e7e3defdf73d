// The API server's secure port as curl reaches it: authenticate (a bearer token, else anonymous),
// authorize with RBAC, and answer GETs of objects and lists with their JSON, pretty-printed as the server
// does for curl's User-Agent.
// Deviation: bodies carry no managedFields (the model keeps none), and only GET is served over HTTPS.
import type { Endpoints, KubeObject } from "../api/types.ts";
import { SERVER_VERSION } from "../api/version.ts";
import { byteLength, httpDate, httpResponse, parseHttpRequest } from "../util/http.ts";
import { authenticateBearer } from "./authn.ts";
import { methodNotAllowed, StatusError, unauthorized } from "./errors.ts";
import { authorize } from "./rbac/authorize.ts";
import { ANONYMOUS_USER } from "./rbac/identity.ts";
import type { UserInfo } from "./rbac/types.ts";
import { accessRequestOf, apiRequestInfo, forbiddenRequest } from "./request-info.ts";
import type { ApiServer } from "./server.ts";

/** A JSON answer with the headers the API server sends (the same Audit-Id on every answer). */
export function apiResponse(status: number, body: string, now: number): string {
  return httpResponse(
    status,
    [
      ["Audit-Id", "7f3c1c0e-5b1a-4c33-9d6e-2f1d8e0a4b21"],
      ["Cache-Control", "no-cache, private"],
      ["Content-Type", "application/json"],
      ...(status >= 400 ? ([["X-Content-Type-Options", "nosniff"]] as Array<[string, string]>) : []),
      ["Date", httpDate(now)],
      ["Content-Length", String(byteLength(body))],
    ],
    body,
  );
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
// The paths everyone may read (system:public-info-viewer); the port's own handler answers them.
const PUBLIC_PATH = /^[A-Z]+ \/(?:healthz|livez|readyz|version)\/?[?\s]/;
const AUTHORIZATION = /\r?\nauthorization:/i;

// GET /api: the core group's versions and the address clients should use (the `kubernetes` endpoints').
function apiVersions(api: ApiServer): Record<string, unknown> {
  const ep = api.tryGet<Endpoints>("endpoints", "default", "kubernetes")?.subsets?.[0];
  const address = `${ep?.addresses?.[0]?.ip ?? ""}:${ep?.ports?.[0]?.port ?? 6443}`;
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: address }],
  };
}

// An object as the server encodes it: TypeMeta (kind, then apiVersion) first, unless it is a list item.
function asJson(obj: KubeObject, withType: boolean): Record<string, unknown> {
  const { kind, apiVersion, ...rest } = obj as unknown as Record<string, unknown>;
  return withType ? { kind, apiVersion, ...rest } : rest;
}

/**
 * Answer one request to the secure port, or return undefined for what the port's own handler answers
 * (the health paths, /version, and any anonymous request for a path rather than a resource).
 */
export function serveHttps(api: ApiServer, raw: string, now: number): string | undefined {
  // The kubelet probes the health paths every second without credentials: those are not even parsed.
  const open = PUBLIC_PATH.test(raw);
  if (open && !AUTHORIZATION.test(raw)) return undefined;
  const req = parseHttpRequest(raw);
  if (!req) return undefined;
  const auth = req.headers.authorization ?? "";
  const bearer = /^bearer\s+(\S+)$/i.exec(auth)?.[1];
  let user: UserInfo = ANONYMOUS_USER;
  if (bearer !== undefined) {
    const who = authenticateBearer(api, bearer, now);
    if (!who) return apiResponse(401, pretty(unauthorized().status), now);
    user = who;
  }
  if (open) return undefined;
  const info = apiRequestInfo(req.method, req.path, req.query);
  if (!info.isResource) {
    if (user === ANONYMOUS_USER) return undefined;
    if (req.method === "GET" && req.path === "/api") return apiResponse(200, pretty(apiVersions(api)), now);
    return apiResponse(403, pretty(forbiddenRequest(user.name, info).status), now);
  }
  const decision = authorize(api, user, accessRequestOf(info));
  if (!decision.allowed)
    return apiResponse(403, pretty(forbiddenRequest(user.name, info, decision.reason).status), now);
  try {
    if (req.method !== "GET" || info.subresource || info.verb === "watch")
      throw methodNotAllowed(
        `the simulated API server answers only GET of objects and lists over HTTPS (${SERVER_VERSION})`,
      );
    const rt = api.resource(info.resource);
    if (info.name)
      return apiResponse(
        200,
        pretty(asJson(api.get(rt.plural, info.namespace || undefined, info.name), true)),
        now,
      );
    const list = api.list(rt.plural, info.namespace ? { namespace: info.namespace } : {});
    const body = {
      kind: `${rt.kind}List`,
      apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version,
      metadata: { resourceVersion: list.resourceVersion },
      items: list.items.map((o) => asJson(o, false)),
    };
    return apiResponse(200, pretty(body), now);
  } catch (e) {
    if (e instanceof StatusError) return apiResponse(e.code, pretty(e.status), now);
    throw e;
  }
}
