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
  if (env.PATH !== undefined) out.PATH = env.PATH;
  out.HOSTNAME = env.HOSTNAME ?? hostname;
  for (const [k, v] of Object.entries(env)) if (!(k in out)) out[k] = v;
  if (out.HOME === undefined) out.HOME = home;
  return out;
}
