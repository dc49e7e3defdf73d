// The string-format checks of apimachinery's util/validation (v1.32): each returns the list of
// problems, worded exactly as the real server words them (FIDELITY §4). An empty list means valid.

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";

const anchored = (fmt: string) => new RegExp(`^(?:${fmt})$`);
const DNS1123_LABEL = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = anchored(DNS1035_LABEL_FMT);
const QUALIFIED_NAME = anchored(QUALIFIED_NAME_FMT);
const LABEL_VALUE = anchored(LABEL_VALUE_FMT);
const CONFIG_MAP_KEY = anchored(CONFIG_MAP_KEY_FMT);

const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

// Every write validates the same label keys, values and names again: remember each answer. The checks are
// pure functions of the text, so sharing answers between clusters is safe; the lists are frozen because
// every caller shares them.
function remembered(check: (value: string) => string[]): (value: string) => string[] {
  const answers = new Map<string, string[]>();
  return (value) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = Object.freeze(check(value)) as string[];
      if (answers.size >= 10_000) answers.clear();
      answers.set(value, answer);
    }
    return answer;
  };
}

const VALID: string[] = Object.freeze([]) as unknown as string[];

// Object names are mostly new (every event and pod has its own), so remembering them only fills the map:
// a name the format's regex accepts within the length limit is valid without a lookup.
function rememberedUnless(
  valid: RegExp,
  maxLength: number,
  check: (value: string) => string[],
): (value: string) => string[] {
  const slow = remembered(check);
  // The formats are ASCII-only, so a match's length in characters is its length in bytes.
  return (value) => (value.length <= maxLength && valid.test(value) ? VALID : slow(value));
}

/** Length in bytes of the UTF-8 encoding, which is what Go's len() measures. */
export function byteLength(s: string): number {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.length;
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Explain a regex failure, with examples, as validation.RegexError does (examples end in `', `). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  const ex = examples.map((e) => `'${e}', `).join(" or ");
  return `${msg} (e.g. ${ex}regex used for validation is '${fmt}')`;
}

/** Explain a too-long value. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** Explain an out-of-range number. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** Check a lowercase RFC 1123 label (63 characters). */
export const isDNS1123Label = rememberedUnless(
  DNS1123_LABEL,
  63,
  function checkDNS1123Label(value: string): string[] {
    const errs: string[] = [];
    if (byteLength(value) > 63) errs.push(maxLenError(63));
    if (!DNS1123_LABEL.test(value)) {
      if (DNS1123_SUBDOMAIN.test(value)) errs.push("must not contain dots");
      else
        errs.push(
          regexError(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            DNS1123_LABEL_FMT,
            "my-name",
            "123-abc",
          ),
        );
    }
    return errs;
  },
);

/** Check a lowercase RFC 1123 subdomain (253 characters). */
export const isDNS1123Subdomain = rememberedUnless(
  DNS1123_SUBDOMAIN,
  253,
  function checkDNS1123Subdomain(value: string): string[] {
    const errs: string[] = [];
    if (byteLength(value) > 253) errs.push(maxLenError(253));
    if (!DNS1123_SUBDOMAIN.test(value)) {
      errs.push(
        regexError(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
          DNS1123_SUBDOMAIN_FMT,
          "example.com",
        ),
      );
    }
    return errs;
  },
);

/** Check a DNS-1035 label (63 characters, starts with a letter). */
export const isDNS1035Label = rememberedUnless(
  DNS1035_LABEL,
  63,
  function checkDNS1035Label(value: string): string[] {
    const errs: string[] = [];
    if (byteLength(value) > 63) errs.push(maxLenError(63));
    if (!DNS1035_LABEL.test(value)) {
      errs.push(
        regexError(
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
          DNS1035_LABEL_FMT,
          "my-name",
          "abc-123",
        ),
      );
    }
    return errs;
  },
);

/** Check a qualified name (a label key): `[prefix/]name`, prefix a subdomain, name 63 characters. */
export const isQualifiedName = remembered(function checkQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME.test(name)) {
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")}`,
    );
  }
  return errs;
});

/** Check a label value (empty allowed, 63 characters). */
export const isValidLabelValue = remembered(function checkValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errs;
});

/** Check an IANA_SVC_NAME port name (15 characters, at least one letter). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.startsWith("-") || port.endsWith("-")) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** Check a port number (1-65535). */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 && Number.isInteger(port) ? [] : [inclusiveRangeError(1, 65535)];
}

/** Check a ConfigMap or Secret data key. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!CONFIG_MAP_KEY.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        "key.name",
        "KEY_NAME",
        "key-name",
      ),
    );
  }
  if (value === ".") errs.push("must not be '.'");
  else if (value === "..") errs.push("must not be '..'");
  else if (value.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}

/** Check an environment variable name. */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        "[-._a-zA-Z][-._a-zA-Z0-9]*",
        "my.env-name",
        "MY_ENV.NAME",
        "MyEnvName1",
      ),
    );
  }
  if (value === ".") errs.push("must not be '.'");
  else if (value === "..") errs.push("must not be '..'");
  else if (value.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}
