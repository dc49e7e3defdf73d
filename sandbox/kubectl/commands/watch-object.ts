// Wait on one named object through a watch while virtual time advances (rollout status, wait).
import type { KubeObject } from "../../api/types.ts";
import type { Run } from "./common.ts";

/** How long a wait that real kubectl would run forever (or for a week) lasts in virtual time. */
export const UNBOUNDED_WAIT_MS = 600_000;

/**
 * Watch `plural/name` and advance virtual time until `onEvent` returns true or `limitMs` passes.
 * `onEvent` gets each new version of the object, or undefined once it is deleted. Returns whether it finished.
 */
export function watchObjectUntil(
  run: Run,
  plural: string,
  namespace: string | undefined,
  name: string,
  onEvent: (obj: KubeObject | undefined) => boolean,
  limitMs: number,
): boolean {
  let done = false;
  const stop = run.ctx.api.watch(plural, { namespace, fieldSelector: `metadata.name=${name}` }, (ev) => {
    if (done) return;
    done = onEvent(ev.type === "DELETED" ? undefined : (ev.object as KubeObject));
  });
  try {
    return run.ctx.waitUntil(() => done, Math.max(0, limitMs));
  } finally {
    stop();
  }
}
