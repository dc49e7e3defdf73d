/** A bare API server for component tests: its own etcd and clock, kubeadm's Service and NodePort ranges. */
import { ApiServer } from "../../sandbox/apiserver/server.ts";
import { Etcd } from "../../sandbox/etcd/store.ts";
import { EventLoop } from "../../sandbox/util/event-loop.ts";
import { Random } from "../../sandbox/util/random.ts";

/** 2025-01-15 09:00:00 UTC, where the tests' clocks start unless they say otherwise. */
export const TEST_START = Date.UTC(2025, 0, 15, 9, 0, 0);

/** Make an API server with the given namespaces (default: `default`), random stream and start time. */
export function bareApiServer(
  opts: { random?: Random | number; startTime?: number; namespaces?: string[] } = {},
): { api: ApiServer; loop: EventLoop; etcd: Etcd } {
  const loop = new EventLoop({ startTime: opts.startTime ?? TEST_START });
  const etcd = new Etcd();
  const random = opts.random instanceof Random ? opts.random : new Random(opts.random ?? 1);
  const api = new ApiServer({
    etcd,
    loop,
    random,
    serviceCIDR: "10.96.0.0/12",
    nodePortRange: "30000-32767",
  });
  for (const name of opts.namespaces ?? ["default"]) api.create("namespaces", { metadata: { name } });
  return { api, loop, etcd };
}
