// kubectl rollout status: print the waiting line on each change until the rollout completes (FIDELITY §2).
import type { ResourceType } from "../../api/resources.ts";
import type { DaemonSet, Deployment, KubeObject } from "../../api/types.ts";
import { fail, type Run } from "./common.ts";
import { UNBOUNDED_WAIT_MS, watchObjectUntil } from "./watch-object.ts";

/** The status line of a deployment and whether it is done (kubectl's DeploymentStatusViewer). */
export function deploymentStatus(d: Deployment): { text: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0))
    return { text: "Waiting for deployment spec update to be observed...\n", done: false };
  const progressing = (st.conditions ?? []).find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded")
    return { text: "", done: false, error: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < want)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`,
      done: false,
    };
  if ((st.replicas ?? 0) > updated)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  if ((st.availableReplicas ?? 0) < updated)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  return { text: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: DaemonSet): { text: string; done: boolean; error?: string } {
  const name = ds.metadata.name;
  const st = (ds.status ?? {}) as Record<string, number>;
  if ((ds.metadata.generation ?? 0) > (st.observedGeneration ?? 0))
    return { text: "Waiting for daemon set spec update to be observed...\n", done: false };
  if ((st.updatedNumberScheduled ?? 0) < (st.desiredNumberScheduled ?? 0)) {
    return {
      text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${st.desiredNumberScheduled ?? 0} new pods have been updated...\n`,
      done: false,
    };
  }
  if ((st.numberAvailable ?? 0) < (st.desiredNumberScheduled ?? 0)) {
    return {
      text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${st.desiredNumberScheduled ?? 0} updated pods are available...\n`,
      done: false,
    };
  }
  return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** Watch the object and print its status on every change; `--watch=false` prints it once. */
export function rolloutStatus(run: Run, rt: ResourceType, obj: KubeObject): number {
  const view = (o: KubeObject) =>
    rt.plural === "deployments" ? deploymentStatus(o as Deployment) : daemonSetStatus(o as DaemonSet);
  let state = view(obj);
  run.out(state.text);
  if (state.error) fail(state.error);
  if (state.done || run.flags.watch === false) return 0;
  let gone = false;
  const timeout = run.num("timeout");
  watchObjectUntil(
    run,
    rt.plural,
    obj.metadata.namespace,
    obj.metadata.name ?? "",
    (o) => {
      if (!o) {
        gone = true;
        return true;
      }
      state = view(o);
      run.out(state.text);
      return state.done || !!state.error;
    },
    timeout > 0 ? timeout : UNBOUNDED_WAIT_MS,
  );
  if (state.error) fail(state.error);
  if (gone && !state.done) fail(`object has been deleted`);
  if (!state.done) fail("timed out waiting for the condition");
  return 0;
}
