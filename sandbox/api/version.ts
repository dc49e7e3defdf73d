// The cluster's version.Info, as kube-apiserver serves it on GET /version and `kubectl version` prints it.

/** The API server's release. */
export const SERVER_VERSION = "v1.32.4";

/** The server's version.Info, its fields in Go's struct order. */
export const SERVER_VERSION_INFO = {
  major: "1",
  minor: "32",
  gitVersion: SERVER_VERSION,
  gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335",
  gitTreeState: "clean",
  buildDate: "2025-04-22T16:02:27Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
} as const;

/** The body of GET /version: indented JSON with no trailing newline (the server marshals it with MarshalIndent). */
export function versionBody(): string {
  return JSON.stringify(SERVER_VERSION_INFO, null, 2);
}
