"use client";

import { lazy, useLayoutEffect } from "react";
// The lazily loaded wizard's CSS modules, imported here too so their rules are in
// the page's own stylesheet: the static HTML uses their classes before the
// wizard's code (which would otherwise bring them) arrives. A unit test keeps
// this list complete (wizard-loader.test.ts).
import "@/components/diagram/diagram.module.css";
import "@/components/outputs/outputs.module.css";
import styles from "@/components/start-up/start-up.module.css";
import { getStartUp } from "@/components/start-up/start-up-protocol";
import type { OpenedLink } from "./use-share-sync";

/**
 * The wizard, loaded after the page's first paint (issue 7).
 *
 * Why lazy: the static HTML already holds the whole wizard for the default
 * answers (values text, diagram image, commands), rendered at build time, so
 * nothing needs the wizard's code to be seen. Loading it through `import()`
 * keeps it out of the scripts the HTML references: first-load JavaScript is the
 * framework and this file. Until the code arrives the page is on screen but
 * inert (all of it, theme menu included: the root hydrates as one); the form's
 * `data-hydrated` (wizard.tsx) says when it is ready.
 *
 * Why no <Suspense> here: React's server renderer moves a large Suspense
 * boundary's content to the end of the HTML, hidden, and reveals it with an
 * inline script, so the page would first paint without the wizard (and show
 * nothing of it without JavaScript). Without a boundary the wizard is part of
 * the page's shell, written in place; on the client, hydration (which Next runs
 * as a transition, in short time slices) simply waits for the chunk.
 */
const Wizard = lazy(async () => {
  try {
    // Evaluating the wizard's code is the page's longest piece of main-thread
    // work, so it runs in steps, each its own task, the browser free for input
    // and paint in between (issues 7 and 14: total blocking time): the YAML
    // library, the schema with the generators and output panels, the link
    // (when the page was opened from one), then the form itself. The start-up
    // script has usually fetched every chunk by now, so each step is
    // evaluation only.
    for (const load of STEPS) {
      await withRetries(load);
      await pause(0);
    }
    const opened = await openedLink();
    if (opened !== null) await pause(0);
    const { Wizard } = await withRetries(() => import("./wizard"));
    if (opened === null) return { default: Wizard };
    return { default: () => <Wizard opened={opened} /> };
  } catch {
    // Never reject: without a boundary above, a rejected lazy component would
    // replace the page with the framework's error screen.
    return { default: WizardUnavailable };
  }
});

/**
 * The wizard's code in the order it is evaluated (see above). Each `import()`
 * is a chunk group of its own, and Turbopack copies the small modules two groups
 * share into each of them rather than into a chunk of their own: steps for the
 * schema and for the generators alone cost 15 KiB (gzip) of duplicated code, so
 * they evaluate with the output panels, which need both (issue 14: 338 → 322
 * KiB of JavaScript before the first edit).
 */
const STEPS: readonly (() => Promise<unknown>)[] = [
  () => import("@/lib/values/render-yaml"),
  () => import("@/components/outputs/outputs-panel"),
];

/**
 * Opened from a share link (the start-up script says so), the link is decoded
 * before the wizard's first render, so the form starts from its answers instead
 * of hydrating the defaults and replacing them. Without the start-up script
 * (`next dev`) the wizard applies the link after mounting, as it always could.
 */
async function openedLink(): Promise<OpenedLink | null> {
  if (getStartUp()?.mode !== "link") return null;
  const payload = window.location.hash.slice(1);
  const { decodeScenario } = await withRetries(() => import("@/lib/share/codec"));
  return { payload, result: decodeScenario(payload) };
}

/** A flaky network can fail a chunk once; try a couple more times before giving up. */
async function withRetries<T>(load: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await pause(500 * attempt);
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Shown instead of the wizard when its code could not be loaded. */
function WizardUnavailable() {
  // Nothing held for the wizard can be applied now: release the page (dropping
  // what was held) so the notice and the rest of the page respond.
  useLayoutEffect(() => {
    const startUp = getStartUp();
    startUp?.claim();
    while (startUp !== null && startUp.take() !== null) {
      // dropped: there is no wizard to apply it to
    }
  }, []);
  return (
    <div className="notice notice-warning wizard-unavailable" role="alert">
      <div className="notice-body">
        <h2>The wizard could not load</h2>
        <p>
          Part of this page&apos;s code did not arrive, so the questions cannot respond. Check the
          connection and reload the page; answers carried in the page&apos;s link are kept.
        </p>
      </div>
      <button type="button" className="button button-primary" onClick={() => location.reload()}>
        Reload the page
      </button>
    </div>
  );
}

export function WizardLoader() {
  return (
    <>
      {/* Shown by CSS while the start-up script holds the page (start-up.module.css). */}
      <p className={styles.status} role="status">
        <span className={styles.linkText}>Opening the scenario from the link…</span>
        <span className={styles.pendingText}>Applying your changes…</span>
        <span className={styles.failedText}>
          This page&apos;s code did not load, so the outputs cannot follow your answers. Check the
          connection and reload the page.
        </span>
      </p>
      <Wizard />
    </>
  );
}
