// --as / --as-group on any command: the API server's impersonation filter swaps the caller's identity, and
// every request is then authorized as that user. Here the API the command sees checks each call first.
import type { KubeObject } from "../../api/types.ts";
import { authorize } from "../../apiserver/rbac/authorize.ts";
import type { UserInfo } from "../../apiserver/rbac/types.ts";
import type { ApiRequestInfo } from "../../apiserver/request-info.ts";
import { accessRequestOf, forbiddenRequest } from "../../apiserver/request-info.ts";
import type { ApiServer } from "../../apiserver/server.ts";

// kubectl changes existing objects with PATCH (label, annotate, apply, scale, set, taint, rollout ...);
// only replace and edit send PUT: replace marks its write options with asPut.
const WRITE = "patch";
const PUT_OPTIONS = new WeakSet<object>();

/** Mark write options as a PUT's, so an impersonated update is authorized for the verb update, not patch. */
export function asPut<T extends object>(options: T): T {
  PUT_OPTIONS.add(options);
  return options;
}

function check(api: ApiServer, user: UserInfo, info: ApiRequestInfo): void {
  const decision = authorize(api, user, accessRequestOf(info));
  if (!decision.allowed) throw forbiddenRequest(user.name, info, decision.reason);
}

/** The API as `user` sees it: each call is authorized as the real API server would, else Forbidden. */
export function impersonating(api: ApiServer, user: UserInfo): ApiServer {
  const request = (
    verb: string,
    plural: string,
    namespace: string | undefined,
    name = "",
    subresource = "",
  ): ApiRequestInfo => {
    const rt = api.resource(plural);
    return {
      isResource: true,
      verb,
      path: "",
      group: rt.group,
      namespace: rt.namespaced ? (namespace ?? "") : "",
      resource: rt.plural,
      name,
      subresource,
    };
  };
  const guard = (info: ApiRequestInfo) => check(api, user, info);
  const namespaceOf = (obj: KubeObject, fallback?: string) =>
    obj.metadata?.namespace || fallback || "default";
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      switch (prop) {
        case "create":
          return (plural: string, input: KubeObject, opts: { namespace?: string } = {}) => {
            guard(request("create", plural, namespaceOf(input, opts.namespace)));
            return target.create(plural, input, opts);
          };
        case "createToken":
          return (namespace: string, name: string, ...rest: unknown[]) => {
            guard(request("create", "serviceaccounts", namespace, name, "token"));
            return value.call(target, namespace, name, ...rest);
          };
        case "get":
        case "tryGet":
          return (plural: string, namespace: string | undefined, name: string) => {
            guard(request("get", plural, namespace, name));
            return value.call(target, plural, namespace, name);
          };
        case "list":
          return (plural: string, opts: { namespace?: string } = {}) => {
            guard(request("list", plural, opts.namespace));
            return target.list(plural, opts);
          };
        case "watch":
          return (plural: string, opts: { namespace?: string }, handler: never) => {
            guard(request("watch", plural, opts.namespace));
            return target.watch(plural, opts, handler);
          };
        case "update":
        case "updateStatus":
          return (plural: string, input: KubeObject, opts?: object) => {
            const sub = prop === "updateStatus" ? "status" : "";
            const verb = opts && PUT_OPTIONS.has(opts) ? "update" : WRITE;
            guard(request(verb, plural, namespaceOf(input), input.metadata?.name ?? "", sub));
            return value.call(target, plural, input, opts);
          };
        case "mutate":
          return (plural: string, namespace: string | undefined, name: string, ...rest: unknown[]) => {
            guard(request("get", plural, namespace, name));
            guard(request(WRITE, plural, namespace, name, rest[1] === true ? "status" : ""));
            return value.call(target, plural, namespace, name, ...rest);
          };
        case "delete":
          return (plural: string, namespace: string | undefined, name: string, opts?: object) => {
            guard(request("delete", plural, namespace, name));
            return target.delete(plural, namespace, name, opts);
          };
        default:
          return value.bind(target);
      }
    },
  });
}
