// `kubectl auth can-i`: ask whether the caller (or whom --as impersonates) may do something.
// Deviation: the model decides on kubectl's side with the RBAC rules the cluster holds, instead of
// sending a SelfSubjectAccessReview (authorization.k8s.io is not served by the model).
import { lookupResource } from "../../api/resources.ts";
import { authorize, rulesFor } from "../../apiserver/rbac/authorize.ts";
import { impersonatedUser } from "../../apiserver/rbac/identity.ts";
import type { AccessRequest, UserInfo } from "../../apiserver/rbac/types.ts";
import { layoutRows } from "../printers/index.ts";
import { accessRows } from "../rbac/rules-list.ts";
import { fail, type Run } from "./common.ts";

const RESOURCE_VERBS = [
  "get",
  "list",
  "watch",
  "create",
  "update",
  "patch",
  "delete",
  "deletecollection",
  "use",
  "bind",
  "impersonate",
  "*",
  "approve",
  "sign",
  "escalate",
  "attest",
];
const URL_VERBS = ["get", "put", "post", "head", "options", "delete", "patch", "*"];

// WarningPrinter adds its own newline after messages that already end in one, hence the blank line.
function warn(run: Run, message: string): void {
  run.err(`Warning: ${message}\n\n`);
}

interface Target {
  group: string;
  resource: string;
  namespaced: boolean | undefined;
}

// resourceFor: resolve through discovery; unknown types are checked as typed, with a warning.
function resolve(run: Run, arg: string): Target {
  if (arg === "*") return { group: "", resource: "*", namespaced: true };
  const lower = arg.toLowerCase();
  const rt = lookupResource(lower);
  if (rt) return { group: rt.group, resource: rt.plural, namespaced: rt.namespaced };
  const dot = lower.indexOf(".");
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? "" : lower.slice(dot + 1);
  if (lower !== "users" && lower !== "groups") {
    warn(run, `the server doesn't have a resource type '${resource}'${group ? ` in group '${group}'` : ""}`);
  }
  return { group: "", resource: arg, namespaced: undefined };
}

function runList(run: Run, user: UserInfo): number {
  if (run.args.length !== 0) fail("list option must be specified with no arguments");
  if (run.bool("quiet") || run.bool("all-namespaces") || run.str("subresource")) {
    fail("list option can't be specified with neither quiet, all-namespaces nor subresource options");
  }
  const { rules, errors } = rulesFor(run.ctx.api, user, run.namespace);
  if (errors.length > 0) {
    run.err(
      `Warning: the list may be incomplete: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}\n`,
    );
  }
  run.out(layoutRows(accessRows(rules, run.bool("no-headers"))));
  return 0;
}

/** Run `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL`; exit 0 for yes, 1 for no. */
export function runCanI(run: Run): number {
  const user = impersonatedUser(run.str("as"), run.list("as-group"));
  if (run.bool("list")) return runList(run, user);
  if (run.args.length !== 2) {
    fail(
      "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
    );
  }
  const [verb, what] = run.args;
  const allNs = run.bool("all-namespaces");
  const req: AccessRequest = {
    verb,
    group: "",
    resource: "",
    subresource: run.str("subresource"),
    name: "",
    namespace: "",
  };
  let target: Target | undefined;
  if (what.startsWith("/")) req.path = what;
  else {
    const slash = what.indexOf("/");
    target = resolve(run, slash < 0 ? what : what.slice(0, slash));
    req.group = target.group;
    req.resource = target.resource;
    req.name = slash < 0 ? "" : what.slice(slash + 1);
  }
  req.namespace = allNs ? "" : run.namespace;
  if (req.path !== undefined) {
    if (req.subresource) fail("--subresource can not be used with NonResourceURL");
    if (!URL_VERBS.includes(verb)) warn(run, `verb '${verb}' is not a known verb`);
  } else if (!allNs) {
    if (target?.namespaced === false) {
      warn(
        run,
        `resource '${req.resource}' is not namespace scoped${req.group ? ` in group '${req.group}'` : ""}`,
      );
    }
    if (!RESOURCE_VERBS.includes(verb)) warn(run, `verb '${verb}' is not a known verb`);
  }
  if (run.bool("no-headers")) fail("--no-headers cannot be set without --list specified");
  const { allowed, reason } = authorize(run.ctx.api, user, req);
  if (!run.bool("quiet")) run.out(allowed ? "yes\n" : `no${reason ? ` - ${reason}` : ""}\n`);
  return allowed ? 0 : 1;
}
