"use client";

import { useMemo } from "react";
import type { Finding, Severity } from "@/lib/check/types";
import { buildVerdict, type VerdictStatus } from "@/lib/clients/verdict";
import { useHeldHeight } from "@/components/ui/use-held-height";
import { GoToField } from "./go-to-field";
import { useScenarioStateContext } from "./scenario-context";
import { useTextEditing } from "./text-editing";

const SEVERITY_WORD: Record<Severity, string> = {
  error: "Will not work",
  warning: "Warning",
  info: "Note",
};

const STATUS_MARK: Record<VerdictStatus, string> = {
  connects: "✓",
  "after-install": "✓",
  fails: "✗",
};

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The verdict and the findings of the outputs on screen (the last valid answers while invalid). */
export function useShownVerdict() {
  const { shown, shownFindings } = useScenarioStateContext();
  return useMemo(() => buildVerdict(shown, shownFindings), [shown, shownFindings]);
}

/**
 * The top of the outputs column (issue 13, "Results come first"): the verdict in
 * words, then the findings. Compact on purpose, so the topology still starts on
 * the first screen: problems and warnings one line each (why and how to fix
 * fold out), notes folded into one line.
 */
export function FindingsSummary() {
  const { shownFindings: findings } = useScenarioStateContext();
  const verdict = useShownVerdict();
  // While a text box is typed in, the verdict does not shrink (use-held-height.ts).
  const held = useHeldHeight<HTMLElement>(useTextEditing());
  const serious = findings.filter((f) => f.severity !== "info");
  const notes = findings.filter((f) => f.severity === "info");
  const { errors, warnings } = verdict.counts;
  const tone =
    verdict.status === "fails"
      ? "summary-box-problems"
      : warnings > 0
        ? "summary-box-warnings"
        : "summary-box-ok";

  return (
    <section
      ref={held}
      className={`summary-box verdict-box ${tone}`}
      aria-labelledby="findings-summary-heading"
      data-testid="findings-summary"
      data-status={verdict.status}
    >
      <p className="verdict-kicker">Topology check</p>
      <h2 id="findings-summary-heading" className="verdict-headline">
        <span aria-hidden="true" className="verdict-mark">
          {STATUS_MARK[verdict.status]}{" "}
        </span>
        {verdict.headline}
      </h2>
      {verdict.detail !== "" && <p className="verdict-detail">{verdict.detail}</p>}
      {serious.length > 0 && (
        <ul className="summary-list" aria-label={listLabel(errors, warnings)}>
          {serious.map((finding) => (
            <FindingItem key={finding.id} finding={finding} />
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <details className="verdict-notes">
          <summary>{plural(notes.length, "note", "notes")}</summary>
          <ul className="summary-list">
            {notes.map((finding) => (
              <FindingItem key={finding.id} finding={finding} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function listLabel(errors: number, warnings: number): string {
  return [
    errors > 0 &&
      plural(errors, "problem that breaks connections", "problems that break connections"),
    warnings > 0 && plural(warnings, "warning", "warnings"),
  ]
    .filter(Boolean)
    .join(", ");
}

function GoToFields({ paths }: { paths: readonly string[] }) {
  if (paths.length === 0) return null;
  return (
    <p className="finding-fields">
      Go to:{" "}
      {paths.map((path, i) => (
        <span key={path}>
          {i > 0 && ", "}
          <GoToField path={path} />
        </span>
      ))}
    </p>
  );
}

/** One finding: what is wrong on one line; for a problem also the fix, the rest folded. */
function FindingItem({ finding }: { finding: Finding }) {
  const error = finding.severity === "error";
  return (
    <li className={`finding finding-${finding.severity}`} data-finding-id={finding.id}>
      <p>
        <span className={`badge badge-${finding.severity}`}>{SEVERITY_WORD[finding.severity]}</span>{" "}
        <strong>{finding.message}</strong>
      </p>
      {error && (
        <>
          <p>
            <strong>Fix:</strong> {finding.fix}
          </p>
          <GoToFields paths={finding.fields} />
        </>
      )}
      <details className="finding-more">
        <summary>{error ? "Why" : "Why, and how to fix it"}</summary>
        <p>{finding.why}</p>
        {!error && (
          <>
            <p>
              <strong>Fix:</strong> {finding.fix}
            </p>
            <GoToFields paths={finding.fields} />
          </>
        )}
      </details>
    </li>
  );
}
