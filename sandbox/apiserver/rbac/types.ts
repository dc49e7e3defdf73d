// Who asks and what they ask (the authenticator's user.Info, the authorizer's attributes); the RBAC objects
// themselves are API shapes, in api/rbac-types.ts.

/** Who is asking: the authenticated (or impersonated) user name and groups. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** A resource request (`path` undefined) or a non-resource URL request (`path` set). */
export interface AccessRequest {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  name: string;
  /** "" for cluster scope or all namespaces. */
  namespace: string;
  path?: string;
}
