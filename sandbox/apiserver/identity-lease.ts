// kube-apiserver's identity lease (KEP-1965, the start-kube-apiserver-identity-lease-controller hook):
// `kube-system/apiserver-<id>`, renewed every 10 s by the same lease controller the kubelet uses, so
// clients can count the API servers. The id is a hash of the host name, stable across restarts.
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { heartbeatLease } from "../client/lease-heartbeat.ts";
import { base32 } from "../proxy/chain-names.ts";
import type { ApiServer } from "./server.ts";

// IdentityLeaseDurationSeconds and IdentityLeaseRenewIntervalPeriod (pkg/controlplane/apiserver/server.go).
const DURATION_S = 3600;
const RENEW_MS = 10_000;

// A cryptobyte builder's uint16-length-prefixed field.
function prefixed(bytes: Uint8Array): number[] {
  return [bytes.length >> 8, bytes.length & 0xff, ...bytes];
}

/**
 * The API server's id (genericapiserver's APIServerID): `apiserver-` and the lower-case, unpadded base32 of
 * the first 16 bytes of SHA-256 over the length-prefixed host name and identity `kube-apiserver`.
 */
export function apiserverId(hostname: string): string {
  const data = [...prefixed(utf8ToBytes(hostname)), ...prefixed(utf8ToBytes("kube-apiserver"))];
  return `apiserver-${base32(sha256(Uint8Array.from(data)).slice(0, 16)).toLowerCase()}`;
}

/** Hold the identity lease of the API server on `hostname` as `<id>_<uuid>` from now on; returns a stop. */
export function runIdentityLease(api: ApiServer, hostname: string, uuid: string): () => void {
  const name = apiserverId(hostname);
  const beat = () =>
    heartbeatLease(api, "kube-system", name, (renewTime) => ({
      metadata: {
        name,
        namespace: "kube-system",
        labels: { "apiserver.kubernetes.io/identity": "kube-apiserver", "kubernetes.io/hostname": hostname },
      },
      spec: { holderIdentity: `${name}_${uuid}`, leaseDurationSeconds: DURATION_S, renewTime },
    }));
  let cancel = () => {};
  const tick = () => {
    beat();
    cancel = api.loop.schedule(RENEW_MS, tick);
  };
  tick();
  return () => cancel();
}
