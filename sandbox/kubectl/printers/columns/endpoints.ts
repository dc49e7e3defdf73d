// `kubectl get endpoints` and `kubectl get endpointslices` columns (FIDELITY §1.3).
import type { EndpointSlice, Endpoints, KubeObject } from "../../../api/types.ts";
import { translateTimestampSince } from "../duration.ts";
import { ageColumn, type Cell, column, nameColumn, type TableHandler } from "../table-model.ts";

const MAX_SHOWN = 3;

function hostPort(ip: string, port: number): string {
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Format Endpoints subsets as `ip:port,…` with at most 3 shown, then ` + N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services without ports list bare IPs.
    const ports = ss.ports && ss.ports.length > 0 ? ss.ports.map((p) => p.port) : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const addr of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(port === undefined ? addr.ip : hostPort(addr.ip, port));
      }
    }
  }
  const text = list.join(",");
  return more ? `${text} + ${count - MAX_SHOWN} more...` : text;
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const text = list.join(",");
  if (more) return `${text} + ${count - MAX_SHOWN} more...`;
  return text || "<unset>";
}

function slicePorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < MAX_SHOWN) list.push(p.port !== undefined ? String(p.port) : (p.name ?? "*"));
    else more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

function sliceEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const address of ep.addresses) {
      if (list.length < MAX_SHOWN) list.push(address);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

/** Build the endpoints table: NAME ENDPOINTS AGE. */
export const endpointsTable: TableHandler = {
  columns: [nameColumn(), column("Endpoints"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const ep = obj as Endpoints;
    return [
      ep.metadata.name ?? "",
      formatEndpoints(ep),
      translateTimestampSince(ep.metadata.creationTimestamp, now),
    ];
  },
};

/** Build the endpointslice table: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceTable: TableHandler = {
  columns: [nameColumn(), column("AddressType"), column("Ports"), column("Endpoints"), ageColumn()],
  cells(obj: KubeObject, now: number): Cell[] {
    const slice = obj as EndpointSlice;
    return [
      slice.metadata.name ?? "",
      slice.addressType ?? "",
      slicePorts(slice),
      sliceEndpoints(slice),
      translateTimestampSince(slice.metadata.creationTimestamp, now),
    ];
  },
};
