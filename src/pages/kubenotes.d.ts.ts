// Publish the cell API's types with the site (`/kubenotes.d.ts`): the editor's completion and hover docs
// come from this file, and a reader can load it into their own editor.
import typesText from "../../sandbox/cells/kubenotes.d.ts?raw";

export function GET(): Response {
  return new Response(typesText, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
