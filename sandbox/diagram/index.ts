// renderDiagram: ASCII pictures of the live cluster for lessons and the `diagram` shell command.
import { renderCluster } from "./cluster.ts";
import { renderNodes } from "./nodes.ts";
import { renderPod } from "./pod.ts";
import { renderService } from "./service.ts";
import { DiagramError, type DiagramSnapshot, findByRef } from "./snapshot.ts";

export { DiagramError, type DiagramSnapshot } from "./snapshot.ts";

/** The views renderDiagram knows. */
export const DIAGRAM_VIEWS = ["cluster", "nodes", "pod <namespace>/<name>", "service <namespace>/<name>"];

/**
 * Draw a view of the snapshot: `cluster` (the default), `nodes`, `pod <ns/name>` or `service <ns/name>`.
 * The object may also follow the view as a separate argument. Throws DiagramError for unknown views or objects.
 */
export function renderDiagram(view: string | undefined, snapshot: DiagramSnapshot, object?: string): string {
  const [name, inlineArg] = (view ?? "cluster").trim().split(/\s+/, 2);
  const arg = object ?? inlineArg;
  switch (name) {
    case "":
    case "cluster":
      return renderCluster(snapshot);
    case "nodes":
      return renderNodes(snapshot);
    case "pod":
      return renderPod(findByRef(snapshot.pods, arg, "pod", "pod"));
    case "service":
    case "svc":
      return renderService(
        findByRef(snapshot.services, arg, "service", "service"),
        snapshot.endpointSlices,
        snapshot.pods,
      );
    default:
      throw new DiagramError(`unknown diagram view "${name}"; choose one of: ${DIAGRAM_VIEWS.join(", ")}`);
  }
}
