// kubectl create token: validate the flags as kubectl does, send a TokenRequest for the service account,
// and print the issued token (or the TokenRequest with -o).
import type { ResourceType } from "../../api/resources.ts";
import type { BoundObjectReference, TokenRequest } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import { BOUND_OBJECT_KINDS } from "../cli/commands/create-token.ts";
import { fail, type Run } from "./common.ts";
import { formatObjects, outputFormat } from "./print.ts";

// How -o name spells the response's type (tokenrequest.authentication.k8s.io/NAME).
const TOKEN_REQUEST_TYPE: ResourceType = {
  plural: "tokenrequests",
  singular: "tokenrequest",
  kind: "TokenRequest",
  group: "authentication.k8s.io",
  version: "v1",
  namespaced: true,
  shortNames: [],
  etcdPrefix: "",
  verbs: ["create"],
};

// TokenOptions.Validate: the checks kubectl makes before sending anything.
function validate(run: Run, durationMs: number): void {
  if (durationMs < 0) fail("--duration must be greater than or equal to 0");
  if (durationMs % 1000 !== 0) fail("--duration cannot be expressed in units less than seconds");
  if (run.list("audience").some((a) => a === "")) fail("--audience must not be an empty string");
  const kind = run.str("bound-object-kind");
  if (kind === "") {
    if (run.str("bound-object-name"))
      fail("--bound-object-name can only be set if --bound-object-kind is provided");
    if (run.str("bound-object-uid"))
      fail("--bound-object-uid can only be set if --bound-object-kind is provided");
    return;
  }
  if (!BOUND_OBJECT_KINDS.includes(kind))
    fail(`supported --bound-object-kind values are ${BOUND_OBJECT_KINDS.join(", ")}`);
  if (!run.str("bound-object-name"))
    fail("--bound-object-name is required if --bound-object-kind is provided");
}

/** Run `kubectl create token SERVICE_ACCOUNT_NAME`. */
export function runCreateToken(run: Run): number {
  const durationMs = run.num("duration");
  validate(run, durationMs);
  const fmt = outputFormat(run);
  const kind = run.str("bound-object-kind");
  const ref: BoundObjectReference | null = kind
    ? { kind, apiVersion: "v1", name: run.str("bound-object-name"), uid: run.str("bound-object-uid") }
    : null;
  const request: TokenRequest = {
    metadata: {},
    spec: {
      audiences: run.list("audience"),
      ...(durationMs > 0 ? { expirationSeconds: durationMs / 1000 } : {}),
      boundObjectRef: ref,
    },
  };
  let response: TokenRequest;
  try {
    response = run.ctx.api.createToken(run.namespace, run.args[0], request);
  } catch (e) {
    if (e instanceof StatusError) fail(`failed to create token: ${e.status.message}`);
    throw e;
  }
  const token = response.status?.token ?? "";
  if (!token) fail("failed to create token: no token in server response");
  if (fmt.kind !== "") {
    run.out(formatObjects(fmt, [response], false, TOKEN_REQUEST_TYPE, false));
    return 0;
  }
  // kubectl adds a newline only when its output is a terminal.
  run.out(run.ctx.interactive ? `${token}\n` : token);
  return 0;
}
