// The environment a container process sees, in the order the runtime builds it.

/**
 * Order an environment as containerd and runc leave it: PATH (the spec default), HOSTNAME (containerd adds
 * it before the image's and the kubelet's variables), the rest in order, then HOME, which runc sets when unset.
 */
export function processEnv(
  env: Readonly<Record<string, string>>,
  hostname: string,
  home = "/root",
): Record<string, string> {
  const out: Record<string, string> = {};
  const path = env.PATH;
  if (path !== undefined) out.PATH = path;
  out.HOSTNAME = env.HOSTNAME ?? hostname;
  // Before the walk `out` holds only PATH (when set), HOSTNAME and what every object inherits; env's own
  // keys are distinct, so these checks skip exactly the keys already in `out`.
  const keys = Object.keys(env);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === "HOSTNAME" || (k === "PATH" && path !== undefined) || k in Object.prototype) continue;
    out[k] = env[k];
  }
  if (out.HOME === undefined) out.HOME = home;
  return out;
}
