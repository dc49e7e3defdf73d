// cobra's "Did you mean this?" suggestions for an unknown command.
import type { CommandSpec } from "./types.ts";

function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[t.length];
}

/** Return the suggestion block cobra appends to "unknown command" (empty when nothing is close). */
export function suggestionsFor(typed: string, commands: CommandSpec[]): string {
  const names: string[] = [];
  const sorted = [...commands].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const c of sorted) {
    const close = levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase());
    if (close) names.push(c.name);
    for (const alias of c.suggestFor ?? [])
      if (alias.toLowerCase() === typed.toLowerCase()) names.push(c.name);
  }
  return names.length === 0 ? "" : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join("")}`;
}
