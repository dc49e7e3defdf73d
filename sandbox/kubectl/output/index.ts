// Front door of kubectl's `-o` printers: yaml, json, name, jsonpath, custom-columns.
//
//   toYaml(obj)                          -o yaml (keys sorted the go-yaml way, trailing newline)
//   toJson(obj, { sortKeys })            -o json (4 spaces; pass sortKeys: true for `kubectl get`)
//   toList(items)                        the `kind: List` wrapper for several objects
//   toNames(objects, rt?)                -o name (`pod/nginx\n`)
//   printJsonPath(template, data, opts)  -o jsonpath=… (throws JsonPathError: print "error: " + message)
//   renderCustomColumns(objects, parseCustomColumns(spec), { noHeaders })

export { toYaml } from "../../util/go-yaml.ts";
export {
  type CustomColumn,
  customColumnCells,
  parseCustomColumns,
  parseCustomColumnsFile,
  renderCustomColumns,
} from "./custom-columns.ts";
export { goSharpV, goV } from "./go-format.ts";
export { type JsonOptions, toCompactJson, toJson } from "./json.ts";
export {
  executeJsonPath,
  findJsonPathResults,
  JsonPathError,
  type JsonPathOptions,
  printJsonPath,
} from "./jsonpath.ts";
export { type KubeList, toList } from "./list.ts";
export { toName, toNames } from "./name.ts";
export { relaxedJsonPath } from "./relaxed-path.ts";
