// etcdctl member list, endpoint status, endpoint health and version, for kubeadm's single etcd member.
import { type EtcdctlResult, type Invocation, ok } from "./etcdctl-command.ts";
import {
  CLUSTER_ID,
  goDuration,
  headerFields,
  headerJson,
  MEMBER_ID,
  RAFT_TERM,
  valueBytes,
} from "./etcdctl-print.ts";
import { renderTable } from "./etcdctl-table.ts";

/** The etcd version kubeadm v1.32 deploys (registry.k8s.io/etcd:3.5.16-0). */
export const ETCD_VERSION = "3.5.16";

/** Print `etcdctl version`. */
export function runVersion(): EtcdctlResult {
  return ok(`etcdctl version: ${ETCD_VERSION}\nAPI version: 3.5\n`);
}

function member(inv: Invocation) {
  const ip = inv.ctx.nodeIP ?? "172.30.1.2";
  return {
    name: inv.ctx.nodeName ?? "controlplane",
    peer: `https://${ip}:2380`,
    client: `https://${ip}:2379`,
  };
}

/** Print `etcdctl member list`. */
export function runMemberList(inv: Invocation): EtcdctlResult {
  const m = member(inv);
  const row = [MEMBER_ID.toString(16), "started", m.name, m.peer, m.client, "false"];
  switch (inv.format) {
    case "json":
      return ok(
        `{"header":{"cluster_id":${CLUSTER_ID},"member_id":${MEMBER_ID},"raft_term":${RAFT_TERM}},"members":[{"ID":${MEMBER_ID},"name":"${m.name}","peerURLs":["${m.peer}"],"clientURLs":["${m.client}"]}]}\n`,
      );
    case "fields":
      return ok(
        `"ClusterID" : ${CLUSTER_ID}\n"MemberID" : ${MEMBER_ID}\n"Revision" : 0\n"RaftTerm" : ${RAFT_TERM}\n"ID" : ${MEMBER_ID}\n"Name" : "${m.name}"\n"PeerURL" : "${m.peer}"\n"ClientURL" : "${m.client}"\n"IsLearner" : false\n\n`,
      );
    case "table":
      return ok(renderTable(["ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner"], [row]));
    default:
      return ok(`${row.join(", ")}\n`);
  }
}

// Deterministic stand-ins for figures a real member measures: database size and proposal latency.
function dbSize(inv: Invocation): number {
  let bytes = 0;
  for (const kv of inv.etcd.range("")) bytes += kv.key.length + valueBytes(kv).length;
  return Math.ceil((2_000_000 + bytes * 3) / 4096) * 4096;
}

function tookNs(inv: Invocation): number {
  return 900_000 + ((inv.etcd.revision() * 7919) % 1_000_000);
}

// go-humanize's Bytes: SI units, one decimal below 10.
function humanBytes(n: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  if (n < 10) return `${n} B`;
  const e = Math.min(Math.floor(Math.log(n) / Math.log(1000)), units.length - 1);
  const v = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${units[e]}`;
}

/** Print `etcdctl endpoint status`. */
export function runEndpointStatus(inv: Invocation): EtcdctlResult {
  const rev = inv.etcd.revision();
  const size = dbSize(inv);
  const index = rev + 3;
  switch (inv.format) {
    case "json":
      return ok(
        `[{"Endpoint":"${inv.endpoint}","Status":{"header":${headerJson(rev)},"version":"${ETCD_VERSION}","dbSize":${size},"leader":${MEMBER_ID},"raftIndex":${index},"raftTerm":${RAFT_TERM},"raftAppliedIndex":${index},"dbSizeInUse":${size}}}]\n`,
      );
    case "fields":
      return ok(
        `${headerFields(rev)}"Version" : "${ETCD_VERSION}"\n"DBSize" : ${size}\n"Leader" : ${MEMBER_ID}\n"IsLearner" : false\n"RaftIndex" : ${index}\n"RaftTerm" : ${RAFT_TERM}\n"RaftAppliedIndex" : ${index}\n"Errors" : []\n"Endpoint" : "${inv.endpoint}"\n\n`,
      );
    default: {
      const row = [
        inv.endpoint,
        MEMBER_ID.toString(16),
        ETCD_VERSION,
        humanBytes(size),
        "true",
        "false",
        String(RAFT_TERM),
        String(index),
        String(index),
        "",
      ];
      if (inv.format === "table") {
        return ok(
          renderTable(
            [
              "endpoint",
              "ID",
              "version",
              "db size",
              "is leader",
              "is learner",
              "raft term",
              "raft index",
              "raft applied index",
              "errors",
            ],
            [row],
          ),
        );
      }
      return ok(`${row.join(", ")}\n`);
    }
  }
}

/** Print `etcdctl endpoint health`. */
export function runEndpointHealth(inv: Invocation): EtcdctlResult {
  const took = goDuration(tookNs(inv));
  switch (inv.format) {
    case "json":
      return ok(`[{"endpoint":"${inv.endpoint}","health":true,"took":"${took}"}]\n`);
    case "fields":
      return ok(`"Endpoint" : "${inv.endpoint}"\n"Health" : true\n"Took" : ${took}\n"Error" : \n\n`);
    case "table":
      return ok(renderTable(["endpoint", "health", "took", "error"], [[inv.endpoint, "true", took, ""]]));
    default:
      return ok(`${inv.endpoint} is healthy: successfully committed proposal: took = ${took}\n`);
  }
}
