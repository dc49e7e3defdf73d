// kubectl get --raw PATH: one GET as the admin user, the response body printed as the server sends it.
import { versionBody } from "../../api/version.ts";
import { fail, type Run } from "./common.ts";

// What the simulated server answers over --raw. Object paths are left out on purpose: their real body carries
// managedFields, which the model does not keep, so printing the stored object would teach the wrong bytes.
const BODIES: Record<string, () => string> = {
  "/version": versionBody,
  "/healthz": () => "ok",
  "/livez": () => "ok",
  "/readyz": () => "ok",
};

/** Run `kubectl get --raw`; its checks come first, in kubectl's order (Complete, then Validate). */
export function runGetRaw(run: Run): number {
  const raw = run.str("raw");
  if (run.args.length > 0) fail("arguments may not be passed when --raw is specified");
  if (run.bool("watch") || run.bool("watch-only") || run.str("selector") !== "")
    fail("--raw may not be specified with other flags that filter the server request or alter the output");
  if (run.str("output") !== "") fail("--raw and --output are mutually exclusive");
  // Go's url.ParseRequestURI takes an absolute path or an absolute URL.
  if (!raw.startsWith("/") && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw))
    fail(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
  const body = BODIES[raw];
  if (!body)
    fail(
      `"kubectl get --raw ${raw}" is not available in this simulated cluster (it serves ${Object.keys(BODIES).join(", ")})`,
    );
  run.out(body());
  return 0;
}
