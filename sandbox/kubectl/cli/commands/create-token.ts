// `kubectl create token` (kubectl v1.32): request a service account token through TokenRequest.
import { printFlags } from "../common-flags.ts";
import { arrayFlag, durationFlag, stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName } from "./create-common.ts";

/** The kinds a token may be bound to, as kubectl offers them (Node only with KUBECTL_NODE_BOUND_TOKENS). */
export const BOUND_OBJECT_KINDS = ["Pod", "Secret"];

/** The `create token` subcommand. */
export const createTokenCommand: CommandSpec = {
  name: "token",
  use: "SERVICE_ACCOUNT_NAME",
  disableFlagsInUseLine: true,
  short: "Request a service account token",
  long: "Request a service account token.",
  example: examples(`
# Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace
kubectl create token myapp

# Request a token for a service account in a custom namespace
kubectl create token myapp --namespace myns

# Request a token with a custom expiration
kubectl create token myapp --duration 10m

# Request a token with a custom audience
kubectl create token myapp --audience https://example.com

# Request a token bound to an instance of a Secret object
kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret

# Request a token bound to an instance of a Secret object with a specific UID
kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc`),
  flags: [
    ...printFlags(),
    arrayFlag(
      "audience",
      "Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.",
    ),
    durationFlag(
      "duration",
      "0s",
      "Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.",
    ),
    stringFlag(
      "bound-object-kind",
      "",
      `Kind of an object to bind the token to. Supported kinds are ${BOUND_OBJECT_KINDS.join(", ")}. If set, --bound-object-name must be provided.`,
    ),
    stringFlag(
      "bound-object-name",
      "",
      "Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.",
    ),
    stringFlag(
      "bound-object-uid",
      "",
      "UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.",
    ),
  ],
  argsCheck: exactlyOneName,
};
