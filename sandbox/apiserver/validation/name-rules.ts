// Object-name rules (apimachinery ValidateNameFunc): which format each kind's metadata.name must
// follow. `prefix` is true for generateName, whose trailing dash is allowed.
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from "./names.ts";

/** A name rule: returns the problems with `name`, allowing a trailing dash when `prefix`. */
export type NameRule = (name: string, prefix: boolean) => string[];

// The real maskTrailingDash drops two characters, not one, before appending "a"; kept as is.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
}

/** Require a DNS subdomain (pods, deployments, configmaps, secrets, nodes, ...). */
export const nameIsDNSSubdomain: NameRule = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** Require a DNS label (namespaces). */
export const nameIsDNSLabel: NameRule = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** Require a DNS-1035 label (services). */
export const nameIsDNS1035Label: NameRule = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** Require a name usable as a URL path segment (RBAC kinds). */
export const nameIsPathSegment: NameRule = (name, prefix) => {
  if (!prefix) {
    for (const bad of [".", ".."]) if (name === bad) return [`may not be '${bad}'`];
  }
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};
