import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import {
  base32,
  extChain,
  portProtoHash,
  sepChain,
  servicePortName,
  svcChain,
} from "../../sandbox/proxy/chain-names.ts";

describe("kube-proxy chain names", () => {
  it.each([
    ["default/kubernetes:https", "tcp", "KUBE-SVC-NPX46M4PTMTKRN6Y"],
    ["kube-system/kube-dns:dns", "udp", "KUBE-SVC-TCOU7JCQXEZGVUNU"],
    ["kube-system/kube-dns:dns-tcp", "tcp", "KUBE-SVC-ERIFXISQEP7F7OF4"],
    ["kube-system/kube-dns:metrics", "tcp", "KUBE-SVC-JD5MR3NA4I4DYORP"],
    ["default/web", "tcp", "KUBE-SVC-LOLE4ISW44XBNF3G"],
  ])("names the service chain of %s/%s", (spn, proto, chain) => {
    expect(svcChain(spn, proto)).toBe(chain);
  });

  it("hashes the lower-case protocol even when given upper case", () => {
    expect(svcChain("default/kubernetes:https", "TCP")).toBe("KUBE-SVC-NPX46M4PTMTKRN6Y");
  });

  it("matches FIDELITY's wrong hash for a raw upper-case protocol string", () => {
    expect(base32(sha256(utf8ToBytes("default/kubernetes:httpsTCP"))).slice(0, 16)).toBe("K3MJT43CHHU6KRST");
    expect(portProtoHash("default/kubernetes:https", "tcp")).toBe("NPX46M4PTMTKRN6Y");
  });

  it("names endpoint chains from port name, protocol and ip:port", () => {
    expect(sepChain("default/kubernetes:https", "tcp", "172.30.1.2:6443")).toBe("KUBE-SEP-D23ODROEH5R4FSGE");
    expect(sepChain("default/web", "tcp", "10.244.1.2:80")).toBe("KUBE-SEP-MQ4W7Q2CV67URU6Q");
    expect(sepChain("default/web", "tcp", "10.244.2.3:80")).toBe("KUBE-SEP-7QE66YRUUVCO6FRM");
  });

  it("reuses the service hash for KUBE-EXT chains", () => {
    expect(extChain("default/web", "tcp")).toBe("KUBE-EXT-LOLE4ISW44XBNF3G");
  });

  it("leaves the colon out of unnamed service ports", () => {
    expect(servicePortName("default", "nginx")).toBe("default/nginx");
    expect(svcChain(servicePortName("default", "nginx"), "tcp")).toBe("KUBE-SVC-2CMXP7HKUVJN7L6M");
  });
});
