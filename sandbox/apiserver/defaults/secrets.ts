// Secret defaults: type Opaque, and stringData merged into data (done by v1 conversion in the real server).
import { base64Encode } from "./base64.ts";
import { child, isObj, type Obj, setDefault } from "./shape.ts";

/** Fill in a secret's defaults. */
export function defaultSecret(s: Obj): void {
  setDefault(s, "type", "Opaque");
  if (!isObj(s.stringData)) return;
  const data = child(s, "data");
  for (const [k, v] of Object.entries(s.stringData))
    data[k] = base64Encode(typeof v === "string" ? v : String(v));
  delete s.stringData;
}
