import { describe, expect, it } from "vitest";
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
} from "../../sandbox/apiserver/validation/names.ts";

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("RFC 1123 label", () => {
  it("explains a bad label with the double space before `or`", () => {
    expect(isDNS1123Label("Bad_Name")).toEqual([LABEL_MSG]);
  });
  it("says `must not contain dots` for a valid subdomain", () => {
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
  });
  it("reports length and format separately", () => {
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(isDNS1123Label(`${"a".repeat(63)}-`)).toEqual(["must be no more than 63 characters", LABEL_MSG]);
  });
  it("rejects the empty string with the regex text", () => {
    expect(isDNS1123Label("")).toEqual([LABEL_MSG]);
  });
});

describe("RFC 1123 subdomain", () => {
  it("explains a bad subdomain", () => {
    expect(isDNS1123Subdomain("Bad_Name")).toEqual([SUBDOMAIN_MSG]);
  });
  it("accepts dotted names up to 253 characters", () => {
    expect(isDNS1123Subdomain("kube-proxy.v1.example")).toEqual([]);
    expect(isDNS1123Subdomain("a".repeat(254))).toEqual(["must be no more than 253 characters"]);
  });
});

describe("DNS-1035 label", () => {
  it("rejects a leading digit", () => {
    expect(isDNS1035Label("1abc")).toEqual([DNS1035_MSG]);
  });
});

describe("qualified names (label keys)", () => {
  it("explains a bad name part", () => {
    expect(isQualifiedName("-bad")).toEqual([NAME_PART_MSG]);
  });
  it("checks the prefix as a subdomain", () => {
    expect(isQualifiedName("Example.com/x")).toEqual([`prefix part ${SUBDOMAIN_MSG}`]);
    expect(isQualifiedName("/x")).toEqual(["prefix part must be non-empty"]);
  });
  it("reports an empty name part twice, as the real check does", () => {
    expect(isQualifiedName("")).toEqual(["name part must be non-empty", NAME_PART_MSG]);
  });
  it("rejects more than one slash with the qualified-name sentence", () => {
    expect(isQualifiedName("a/b/c")).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe("label values", () => {
  it("accepts the empty string and rejects a trailing dash", () => {
    expect(isValidLabelValue("")).toEqual([]);
    expect(isValidLabelValue("a-")).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});

describe("port names and data keys", () => {
  it("lists every port-name problem", () => {
    expect(isValidPortName("-HTTP-")).toEqual([
      "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
      "must contain at least one letter (a-z)",
      "must not begin or end with a hyphen",
    ]);
  });
  it("rejects config keys starting with `..`", () => {
    expect(isConfigMapKey("..a")).toEqual(["must not start with '..'"]);
  });
});
