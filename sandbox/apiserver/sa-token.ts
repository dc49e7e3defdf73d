// The service-account token issuer: the JWTs TokenRequest signs (RS256, kubeadm's issuer) for kubectl
// create token and for the kubelet's projected token volumes.
import { sha256 } from "@noble/hashes/sha2.js";
import type { Random } from "../util/random.ts";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const TABLE = Uint8Array.from(B64URL, (ch) => ch.charCodeAt(0));
// The output is plain ASCII, which every decoder reads byte for byte.
const ascii = new TextDecoder();
const utf8 = new TextEncoder();

// Scratch buffers reused by every token (each is read before it is filled again): a typed array per token
// and segment costs more to allocate than to fill.
let scratchCodes = new Uint8Array(2048);
let scratchJson = new Uint8Array(1024);
const scratchSig = new Uint8Array(256);

/** Encode bytes as unpadded base64url, as JWS segments are. */
function base64Url(bytes: Uint8Array): string {
  const size = Math.ceil((bytes.length * 4) / 3);
  if (scratchCodes.length < size) scratchCodes = new Uint8Array(size * 2);
  return ascii.decode(scratchCodes.subarray(0, encodeInto(bytes, bytes.length, scratchCodes, 0)));
}

// Write the unpadded base64url codes of `bytes[0, n)` into `codes` from `at`; returns where they end.
// Straight from a table into one byte buffer: no binary string, btoa or replacing afterwards.
function encodeInto(bytes: Uint8Array, n: number, codes: Uint8Array, at: number): number {
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    codes[at++] = TABLE[v >>> 18]!;
    codes[at++] = TABLE[(v >>> 12) & 63]!;
    codes[at++] = TABLE[(v >>> 6) & 63]!;
    codes[at++] = TABLE[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | (i + 1 < n ? bytes[i + 1]! << 8 : 0);
    codes[at++] = TABLE[v >>> 18]!;
    codes[at++] = TABLE[(v >>> 12) & 63]!;
    if (i + 1 < n) codes[at++] = TABLE[(v >>> 6) & 63]!;
  }
  return at;
}

// The key ID is the hash of the signing key; the model has no key, so it hashes a fixed label.
const KID = base64Url(sha256(utf8.encode("kubenotes service-account signing key")));
// The JOSE header is the same for every token.
const HEADER = base64Url(utf8.encode(JSON.stringify({ alg: "RS256", kid: KID })));
const HEADER_CODES = utf8.encode(HEADER);
const DOT = 46;
const SIGNATURE_BYTES = 256;

/** A reference in the kubernetes.io claim: a service account or the object a token is bound to. */
export interface ClaimRef {
  name: string;
  uid: string;
}

/** The claims of a service-account token, as pkg/serviceaccount's Claims builds them. */
export interface TokenClaims {
  aud: string[];
  exp: number;
  iat: number;
  iss: string;
  jti: string;
  "kubernetes.io": {
    namespace: string;
    node?: ClaimRef;
    pod?: ClaimRef;
    secret?: ClaimRef;
    serviceaccount: ClaimRef;
    warnafter?: number;
  };
  nbf: number;
  sub: string;
}

/** Sign claims into a compact JWS; draws the signature bytes from `random`. */
export function signToken(claims: TokenClaims, random: Random): string {
  // go-jose marshals the claims through a map, so keys come out sorted at every level: callers build
  // them in that order.
  const json = JSON.stringify(claims);
  if (scratchJson.length < json.length * 3) scratchJson = new Uint8Array(json.length * 6);
  const jsonBytes = utf8.encodeInto(json, scratchJson).written;
  // An RS256 signature is 256 bytes; these are seeded random bytes, not a signature anyone can verify.
  const sig = scratchSig;
  for (let i = 0; i < SIGNATURE_BYTES; i++) sig[i] = random.int(256);
  // The whole token is written into one buffer and decoded once: one flat string, no segment strings.
  const size =
    HEADER_CODES.length + 2 + Math.ceil((jsonBytes * 4) / 3) + Math.ceil((SIGNATURE_BYTES * 4) / 3);
  if (scratchCodes.length < size) scratchCodes = new Uint8Array(size * 2);
  const codes = scratchCodes;
  codes.set(HEADER_CODES);
  let at = HEADER_CODES.length;
  codes[at++] = DOT;
  at = encodeInto(scratchJson, jsonBytes, codes, at);
  codes[at++] = DOT;
  at = encodeInto(sig, SIGNATURE_BYTES, codes, at);
  return ascii.decode(codes.subarray(0, at));
}
