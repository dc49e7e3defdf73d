// How kube-apiserver reads a request's path before authorizing it (k8s.io/apiserver's RequestInfoFactory):
// a resource request (verb, group, namespace, resource, name, subresource) or a plain path, and the 403
// an authorizer's denial of it becomes.
import { forbiddenError, type StatusError } from "./errors.ts";
import type { AccessRequest } from "./rbac/types.ts";

/** What the server makes of a request's method and path. */
export interface ApiRequestInfo {
  isResource: boolean;
  /** Lowercase method for a path; get, list, watch, create, update, patch, delete, deletecollection otherwise. */
  verb: string;
  path: string;
  group: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
}

const METHOD_VERBS: Record<string, string> = {
  POST: "create",
  GET: "get",
  HEAD: "get",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete",
};

/** Classify a request the way the API server's filters do before authorization. */
export function apiRequestInfo(
  method: string,
  path: string,
  query: Record<string, string> = {},
): ApiRequestInfo {
  const info: ApiRequestInfo = {
    isResource: false,
    verb: method.toLowerCase(),
    path,
    group: "",
    namespace: "",
    resource: "",
    name: "",
    subresource: "",
  };
  let parts = path.split("/").filter((p) => p !== "");
  // /api/v1/... is the core group; /apis/<group>/<version>/... a named one; anything shorter is discovery.
  if (parts.length < 3 || (parts[0] !== "api" && parts[0] !== "apis")) return info;
  if (parts[0] === "apis") {
    if (parts.length < 4) return info;
    info.group = parts[1];
    parts = parts.slice(3);
  } else parts = parts.slice(2);
  info.isResource = true;
  if (parts[0] === "proxy" || parts[0] === "watch") {
    info.verb = parts[0];
    parts = parts.slice(1);
  } else info.verb = METHOD_VERBS[method] ?? "";
  if (parts[0] === "namespaces" && parts.length > 1) {
    info.namespace = parts[1];
    // namespaces/<ns>/status and /finalize are the namespace's own subresources.
    if (parts.length > 2 && parts[2] !== "status" && parts[2] !== "finalize") parts = parts.slice(2);
  }
  info.resource = parts[0] ?? "";
  info.name = parts[1] ?? "";
  if (info.verb !== "proxy") info.subresource = parts[2] ?? "";
  if (!info.name && info.verb === "get")
    info.verb = query.watch === "true" || query.watch === "1" ? "watch" : "list";
  if (!info.name && info.verb === "delete") info.verb = "deletecollection";
  return info;
}

/** The 403 the server answers when the authorizer denies `user` the request (its reason, if any, appended). */
export function forbiddenRequest(user: string, info: ApiRequestInfo, reason = ""): StatusError {
  const tail = reason ? `: ${reason}` : "";
  if (!info.isResource)
    return forbiddenError("", "", "", `User "${user}" cannot ${info.verb} path "${info.path}"${tail}`);
  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const scope = info.namespace ? `in the namespace "${info.namespace}"` : "at the cluster scope";
  const why = `User "${user}" cannot ${info.verb} resource "${resource}" in API group "${info.group}" ${scope}`;
  return forbiddenError(info.resource, info.group, info.name, why + tail);
}

/** What the authorizer is asked for this request. */
export function accessRequestOf(info: ApiRequestInfo): AccessRequest {
  if (!info.isResource)
    return {
      verb: info.verb,
      group: "",
      resource: "",
      subresource: "",
      name: "",
      namespace: "",
      path: info.path,
    };
  return {
    verb: info.verb,
    group: info.group,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
    namespace: info.namespace,
  };
}
