// Node defaults: status.allocatable starts as a copy of capacity.
import { isObj, type Obj } from "./shape.ts";

/** Fill in a node's defaults. */
export function defaultNode(node: Obj): void {
  if (isObj(node.status) && isObj(node.status.capacity) && !isObj(node.status.allocatable)) {
    node.status.allocatable = { ...node.status.capacity };
  }
}
