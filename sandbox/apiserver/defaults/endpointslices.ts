// EndpointSlice defaults (discovery/v1): every port gets a name ("") and protocol TCP.
import { type Obj, objects } from "./shape.ts";

/** Fill in an endpoint slice's defaults. */
export function defaultEndpointSlice(es: Obj): void {
  for (const p of objects(es.ports)) {
    if (p.name === undefined || p.name === null) p.name = "";
    if (p.protocol === undefined || p.protocol === null) p.protocol = "TCP";
  }
}
