import { stringify } from "yaml";

function formatOne(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === null || typeof value !== "object") return String(value);
  if (value instanceof Map) return formatOne(Object.fromEntries(value));
  if (value instanceof Set) return formatOne([...value]);
  // YAML reads like `kubectl get -o yaml`, which is what lessons print most.
  return stringify(value).replace(/\n$/, "");
}

/** Format values the way `print` and `console.log` show them: strings raw, objects as YAML. */
export function formatValues(values: readonly unknown[]): string {
  let text = "";
  values.forEach((value, i) => {
    const part = formatOne(value);
    // A multi-line object starts on its own line so its YAML stays aligned.
    const separator = typeof value === "object" && value !== null && part.includes("\n") ? "\n" : " ";
    text += i === 0 ? part : separator + part;
  });
  return `${text}\n`;
}
