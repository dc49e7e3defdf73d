// The web-platform globals that every runtime the sandbox runs in (browsers, workers, Node) provides.
// Declared here because the sandbox's tsconfig includes neither the DOM nor Node typings, on purpose.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(input: string, dest: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;
