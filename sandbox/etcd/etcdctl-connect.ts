// The client side of etcd's TLS: kubeadm's etcd listens only on https://127.0.0.1:2379 and
// https://<node IP>:2379 and demands a client certificate signed by its CA. Without --cacert/--cert/--key,
// etcdctl speaks plain gRPC to that TLS port, retries until its 5 s command timeout, then gives up.
import {
  type EtcdctlResult,
  EXIT_BAD_ARGS,
  EXIT_ERROR,
  exitWithError,
  type Invocation,
} from "./etcdctl-command.ts";

const COMMAND_TIMEOUT_MS = 5000;
// Files kubeadm writes that etcd accepts as a client identity (the CA signs them all).
const CLIENT_PAIRS: Record<string, string> = {
  "/etc/kubernetes/pki/etcd/server.crt": "/etc/kubernetes/pki/etcd/server.key",
  "/etc/kubernetes/pki/etcd/peer.crt": "/etc/kubernetes/pki/etcd/peer.key",
  "/etc/kubernetes/pki/etcd/healthcheck-client.crt": "/etc/kubernetes/pki/etcd/healthcheck-client.key",
  "/etc/kubernetes/pki/apiserver-etcd-client.crt": "/etc/kubernetes/pki/apiserver-etcd-client.key",
};
const CA = "/etc/kubernetes/pki/etcd/ca.crt";
const KNOWN_FILES = new Set([CA, ...Object.keys(CLIENT_PAIRS), ...Object.values(CLIENT_PAIRS)]);

/** Return the failure etcdctl would print for this connection, or undefined when it connects. */
export function connectionFailure(inv: Invocation, command: string): EtcdctlResult | undefined {
  const cacert = inv.flags.get("cacert") as string | undefined;
  const cert = inv.flags.get("cert") as string | undefined;
  const key = inv.flags.get("key") as string | undefined;
  for (const file of [cacert, cert, key]) {
    // Deviation: only the kubeadm PKI files exist for etcdctl; the node's filesystem is not consulted.
    if (file !== undefined && !KNOWN_FILES.has(file))
      return exitWithError(EXIT_BAD_ARGS, `open ${file}: no such file or directory`);
  }
  const m = /^(?:(https?):\/\/)?([^:/]+)(?::(\d+))?\/?$/.exec(inv.endpoint);
  const scheme = m?.[1];
  const host = m?.[2] ?? inv.endpoint;
  const port = m?.[3] ?? "2379";
  const listening =
    (host === "127.0.0.1" || host === "localhost" || host === (inv.ctx.nodeIP ?? "172.30.1.2")) &&
    port === "2379";
  const tls = scheme === "https" || (scheme === undefined && (cacert !== undefined || cert !== undefined));
  let reason: string | undefined;
  if (!listening) {
    reason = `connection error: desc = \\"transport: Error while dialing dial tcp ${host}:${port}: connect: connection refused\\"`;
  } else if (!tls) {
    reason = "connection closed";
  } else if (cacert !== CA) {
    reason = `connection error: desc = \\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\\"`;
  } else if (cert === undefined || key === undefined || CLIENT_PAIRS[cert] !== key) {
    reason = "connection closed";
  }
  if (reason === undefined) return undefined;
  return timeout(inv, command, reason);
}

function timeout(inv: Invocation, command: string, reason: string): EtcdctlResult {
  inv.ctx.waitUntil(() => false, COMMAND_TIMEOUT_MS);
  const ts = new Date(inv.ctx.now + COMMAND_TIMEOUT_MS).toISOString();
  const target = `etcd-endpoints://0xc000454000/#initially=[${inv.endpoint}]`;
  const warn =
    `{"level":"warn","ts":"${ts}","logger":"etcd-client","caller":"v3/retry_interceptor.go:62","msg":"retrying of unary invoker failed",` +
    `"target":"${target}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: ${reason}"}\n`;
  if (command === "endpoint health") {
    return {
      stdout: "",
      stderr: `${warn}${inv.endpoint} is unhealthy: failed to commit proposal: context deadline exceeded\nError: unhealthy cluster\n`,
      exitCode: EXIT_ERROR,
    };
  }
  if (command === "endpoint status") {
    return {
      stdout: "",
      stderr: `${warn}Failed to get the status of endpoint ${inv.endpoint} (context deadline exceeded)\n`,
      exitCode: EXIT_ERROR,
    };
  }
  return { stdout: "", stderr: `${warn}Error: context deadline exceeded\n`, exitCode: EXIT_ERROR };
}
