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
  const keys = Object.keys(env);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k in Object.prototype || (k === "HOSTNAME" && env.HOSTNAME === undefined))
      return keyByKey(env, hostname, home);
  }
  // A spread keeps PATH and HOSTNAME where they are and overwrites them with the same values.
  const path = env.PATH;
  const host = env.HOSTNAME ?? hostname;
  const out: Record<string, string> =
    path !== undefined ? { PATH: path, HOSTNAME: host, ...env } : { HOSTNAME: host, ...env };
  if (out.HOME === undefined) out.HOME = home;
  return out;
}

// The general case: names an object inherits (toString, __proto__) stay out, as does an unset HOSTNAME.
function keyByKey(
  env: Readonly<Record<string, string>>,
  hostname: string,
  home: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (env.PATH !== undefined) out.PATH = env.PATH;
  out.HOSTNAME = env.HOSTNAME ?? hostname;
  for (const [k, v] of Object.entries(env)) if (!(k in out)) out[k] = v;
  if (out.HOME === undefined) out.HOME = home;
  return out;
}
