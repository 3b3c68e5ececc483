// Issue 13, "Nothing flickers": typing into any field moves nothing on the page.
// Measured with the Layout Instability API: every layout-shift entry while a
// value is typed key by key and for a moment after (the diagram redraws
// asynchronously), counting entries the browser marks hadRecentInput too: the
// standard CLS leaves those out, so it would call a page that jumps on every
// keystroke stable. Both sums must stay under 0.01 for every field.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { WizardPage } from "./wizard-page";

interface ShiftEntry {
  value: number;
  recent: boolean;
  sources: string[];
}

declare global {
  interface Window {
    __shifts?: ShiftEntry[];
  }
}

function recordShifts() {
  window.__shifts = [];
  const describe = (node: Node | null) => {
    if (!(node instanceof Element)) return node?.nodeName ?? "?";
    const id = node.id ? `#${node.id}` : "";
    const cls = typeof node.className === "string" ? node.className.split(" ")[0] : "";
    return `${node.tagName.toLowerCase()}${id}${cls ? `.${cls}` : ""}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{
      value: number;
      hadRecentInput: boolean;
      sources: Array<{ node: Node | null }>;
    }>) {
      window.__shifts?.push({
        value: entry.value,
        recent: entry.hadRecentInput,
        sources: entry.sources.map((s) => describe(s.node)),
      });
    }
  }).observe({ type: "layout-shift" });
}

// The default answers show a drawing made at build time; leaving them is the
// second test. Every field of the defaults is also in the load-balancer state.
const STATES: Array<{ name: string; setup: (wizard: WizardPage) => Promise<void> }> = [
  {
    name: "load balancer",
    setup: async (wizard) => {
      await wizard.chooseClients("Outside the cluster");
      await wizard.chooseExposure("Cloud load balancer");
      await wizard.chooseHostKnownNow();
      await wizard.loadBalancerHost.fill("kafka.prod.acme-corp.net");
    },
  },
  { name: "zones", setup: (wizard) => wizard.loadPreset("Zone-aware with per-zone NLBs") },
  { name: "complete install", setup: (wizard) => wizard.loadPreset("EKS with S3 + PostgreSQL") },
];

/**
 * What to type: a realistic value for the field, whose prefixes pass through
 * invalid (`kafka-`) and differently valid (port 9, 90, 909) states.
 */
function valueFor(label: string, type: string, current: string): string {
  if (/^Port$/.test(label)) return "9092";
  if (type === "number") return String((Number(current) || 1) + 1);
  if (/^Zone \d+ name$/.test(label)) return current.replace(/east-1/, "west-2");
  if (/host|address/i.test(label)) return "kf-1.acme.io";
  return "kf-eu";
}

async function visibleInputs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLInputElement>(
        "form input[type=text], form input[type=number]",
      ),
    ]
      .filter((input) => input.offsetParent !== null && !input.disabled && input.id !== "")
      .map((input) => input.id),
  );
}

/** Waits until the diagram shows the current answers (a redraw set off earlier has ended). */
async function diagramSettled(wizard: WizardPage): Promise<void> {
  await expect(wizard.diagram).toHaveAttribute("data-diagram-state", /^(ready|prerendered)$/, {
    timeout: 30_000,
  });
}

interface Measured {
  label: string;
  /** Every layout shift's score, hadRecentInput or not. */
  all: number;
  /** The standard CLS part: shifts without recent input. */
  cls: number;
  sources: string[];
}

/** Types a value into the field key by key and sums the layout shifts until it has settled. */
async function measureTyping(page: Page, wizard: WizardPage, id: string): Promise<Measured> {
  const input = page.locator(`#${id}`);
  const type = (await input.getAttribute("type")) ?? "text";
  const before = await input.inputValue();
  const label = ((await page.locator(`label[for="${id}"]`).first().textContent()) ?? id).trim();
  await input.scrollIntoViewIfNeeded();
  await input.click();
  await diagramSettled(wizard);
  // Past the moment leaving the previous box takes effect (text-editing.tsx, 300 ms).
  await page.waitForTimeout(700);
  await page.evaluate(() => {
    window.__shifts = [];
  });
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(valueFor(label, type, before), { delay: 80 });
  // The last key's redraw, and anything that would follow a pause.
  await diagramSettled(wizard);
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => window.__shifts ?? []);
  await input.fill(before);
  return {
    label,
    all: shifts.reduce((sum, s) => sum + s.value, 0),
    cls: shifts.filter((s) => !s.recent).reduce((sum, s) => sum + s.value, 0),
    sources: [...new Set(shifts.flatMap((s) => s.sources))].slice(0, 4),
  };
}

const LIMIT = 0.01;

test("typing into any field moves nothing on the page (Layout Instability API)", async ({
  page,
  wizard,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(recordShifts);
  const rows: string[] = [];
  const over: string[] = [];
  const measured = new Set<string>();
  for (const state of STATES) {
    await wizard.open();
    await state.setup(wizard);
    // Each field once, in the first state that shows it.
    for (const id of await visibleInputs(page)) {
      if (measured.has(id) || !(await page.locator(`#${id}`).isVisible())) continue;
      measured.add(id);
      const m = await measureTyping(page, wizard, id);
      const row = `${state.name} | ${m.label} | all ${m.all.toFixed(4)} | cls ${m.cls.toFixed(4)} | ${m.sources.join(" ")}`;
      rows.push(row);
      if (m.all >= LIMIT || m.cls >= LIMIT) over.push(row);
    }
  }
  console.log(rows.join("\n"));
  expect(measured.size, "fields measured").toBeGreaterThanOrEqual(20);
  expect(over).toEqual([]);
});

test("leaving the default answers keeps the diagram's place", async ({ page, wizard }) => {
  // The build-time drawing gives way to mermaid's, with a "Drawing diagram…"
  // note between the first time (components/diagram/mermaid-view.tsx holds the
  // frame's height meanwhile).
  await page.addInitScript(recordShifts);
  await wizard.open();
  const m = await measureTyping(page, wizard, "field-release-name");
  console.log(`first edit | ${m.label} | all ${m.all.toFixed(4)} | cls ${m.cls.toFixed(4)}`);
  expect(m.all).toBeLessThan(LIMIT);
});
