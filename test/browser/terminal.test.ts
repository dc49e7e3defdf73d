import { describe, expect, it } from "vitest";
import { openPage } from "./harness/browser.ts";
import { useBrowser } from "./harness/context.ts";

const ctx = useBrowser();

describe("the page terminal", () => {
  it("answers kubectl get nodes typed at its prompt", async () => {
    const note = ctx.site.notes[0];
    if (note === undefined) throw new Error("the built site has no note page with a <kn-notebook>");
    const { page, errors } = await openPage(ctx.browser, ctx.url + note);
    await page.getByRole("button", { name: "Open terminal" }).first().click();
    const log = page.locator(".kn-page-terminal [role=log]");
    await page.waitForFunction(() => document.querySelector(".kn-page-terminal")?.hasAttribute("data-ready"));
    await page.waitForTimeout(200);
    await page.keyboard.type("kubectl get nod");
    await page.keyboard.press("Tab");
    await page.waitForTimeout(200);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      /NAME\s+STATUS/.test(document.querySelector(".kn-page-terminal [role=log]")?.textContent ?? ""),
    );
    const text = (await log.textContent()) ?? "";
    expect(text).toMatch(/\$ kubectl get nodes\s*\n/);
    expect(text).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/m);
    expect(text).toMatch(/^controlplane\s+Ready\s+control-plane/m);
    // History: Up recalls the last line.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (
          document.querySelector(".kn-page-terminal [role=log]")?.textContent?.match(/kubectl get nodes/g) ??
          []
        ).length === 2,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
