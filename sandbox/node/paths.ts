// Paths as a process sees them: relative ones name something under its working directory.

/** Make a path absolute against a working directory (`.` and `..` are left for the tree's walk). */
export function resolvePath(cwd: string, path: string): string {
  if (path.startsWith("/")) return path;
  if (path === "" || path === ".") return cwd;
  return `${cwd.replace(/\/$/, "")}/${path}`;
}

/** Resolve `path` against `cwd` and fold `.`, `..` and repeated slashes by name, as `cd` does (-L). */
export function logicalPath(cwd: string, path: string): string {
  const out: string[] = [];
  for (const part of resolvePath(cwd, path).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

/** Show a directory as a prompt's `\w` does: the home directory as `~`, paths under it as `~/x`. */
export function tildeDir(dir: string, home: string | undefined): string {
  if (!home || home === "/") return dir;
  if (dir === home) return "~";
  return dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
}
