"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { describeTopology } from "@/lib/diagram/describe";
import { useShownVerdict } from "./findings-summary";
import { goToResults } from "./results-nav";
import { useScenarioStateContext } from "./scenario-context";
import { useSession } from "./session";

/**
 * Opened from a shared link, the page says so first (issue 13): what the link
 * holds, the topology check's verdict, and the way to the outputs, which on a
 * phone start far below the questions. It stays until dismissed, so it does
 * not jump away while the reader edits below it.
 */
export function LinkSummary() {
  const { linkLoaded, dismissLinkSummary } = useSession();
  const { shown } = useScenarioStateContext();
  const verdict = useShownVerdict();
  const description = useMemo(() => describeTopology(shown), [shown]);
  if (!linkLoaded) return null;
  const scope = shown.valuesScope === "complete" ? "a complete install" : "networking values";
  return (
    <section
      className="notice link-summary"
      aria-labelledby="link-summary-heading"
      data-testid="link-summary"
      data-status={verdict.status}
    >
      <div className="notice-body">
        <h2 id="link-summary-heading">Scenario loaded from a link</h2>
        <p className="link-summary-title">{description.title}.</p>
        <p className="help">
          Release <code>{shown.release.name}</code> in namespace{" "}
          <code>{shown.release.namespace}</code>, {scope}.
        </p>
        <p className="link-summary-verdict">
          <span aria-hidden="true">{verdict.status === "fails" ? "✗ " : "✓ "}</span>
          <strong>{verdict.headline}.</strong> {verdict.detail}
        </p>
        {verdict.reasons.length > 0 && (
          <ul className="link-summary-reasons">
            {verdict.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="button-row">
        <Button variant="primary" onClick={goToResults}>
          See the results
        </Button>
        <Button onClick={dismissLinkSummary}>Dismiss</Button>
      </div>
    </section>
  );
}
