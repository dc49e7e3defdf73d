// Endpoints defaults: port protocol TCP.
import { type Obj, objects, setDefault } from "./shape.ts";

/** Fill in an endpoints object's defaults. */
export function defaultEndpoints(ep: Obj): void {
  for (const subset of objects(ep.subsets))
    for (const p of objects(subset.ports)) setDefault(p, "protocol", "TCP");
}
