"use client";

import { focusField } from "@/components/ui/field-ids";
import type { Finding, Severity } from "@/lib/check/types";
import { describeField } from "./field-labels";
import { useScenarioStateContext } from "./scenario-context";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_WORD: Record<Severity, string> = {
  error: "Will not work",
  warning: "Warning",
  info: "Note",
};

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The wizard step holding a field, for fields not on the page (e.g. hidden by an answer). */
function stepFor(path: string): string {
  const top = path.split(".")[0] ?? "";
  if (top === "clients") return "step-clients";
  if (top === "exposure" || top === "loadBalancer") return "step-exposure";
  if (top === "zones") return "step-zones";
  if (top === "clientKit") return "step-client-kit";
  if (top === "release" || top === "cluster" || top === "replicas") return "step-release";
  return "step-scope";
}

function goTo(path: string) {
  if (focusField(path)) return;
  const heading = document.getElementById(`${stepFor(path)}-heading`);
  if (heading === null) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

/** A button that moves focus to the field (never a `#` link: the fragment carries the scenario). */
function GoToField({ path }: { path: string }) {
  return (
    <button type="button" className="link-button" onClick={() => goTo(path)}>
      {describeField(path)}
    </button>
  );
}

/**
 * The top of the outputs column: whether the answers are valid, and what the
 * topology check found, each linked to the field that causes it.
 */
export function FindingsSummary() {
  const { scenario, problems, findings } = useScenarioStateContext();

  if (scenario === null) {
    return (
      <section
        className="summary-box summary-box-problems"
        aria-labelledby="findings-summary-heading"
        data-testid="findings-summary"
      >
        <h2 id="findings-summary-heading">
          {plural(problems.length, "answer needs", "answers need")} attention
        </h2>
        <p>The outputs wait for valid answers.</p>
        <ul className="summary-list">
          {problems.map((problem, i) => (
            <li key={`${i}-${problem.path}`}>
              <GoToField path={problem.path} />: {problem.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const sorted = [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const notes = findings.length - errors - warnings;
  const tone =
    errors > 0 ? "summary-box-problems" : warnings > 0 ? "summary-box-warnings" : "summary-box-ok";

  return (
    <section
      className={`summary-box ${tone}`}
      aria-labelledby="findings-summary-heading"
      data-testid="findings-summary"
    >
      <h2 id="findings-summary-heading">Topology check</h2>
      {findings.length === 0 ? (
        <p>Every client can resolve and reach the addresses it is handed.</p>
      ) : (
        <>
          <p>
            {[
              errors > 0 &&
                plural(
                  errors,
                  "problem that breaks connections",
                  "problems that break connections",
                ),
              warnings > 0 && plural(warnings, "warning", "warnings"),
              notes > 0 && plural(notes, "note", "notes"),
            ]
              .filter(Boolean)
              .join(", ")}
            .
          </p>
          <ul className="summary-list">
            {sorted.map((finding) => (
              <FindingItem key={finding.id} finding={finding} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className={`finding finding-${finding.severity}`} data-finding-id={finding.id}>
      <p>
        <span className={`badge badge-${finding.severity}`}>{SEVERITY_WORD[finding.severity]}</span>{" "}
        <strong>{finding.message}</strong>
      </p>
      <p>{finding.why}</p>
      <p>
        <strong>Fix:</strong> {finding.fix}
      </p>
      {finding.fields.length > 0 && (
        <p className="finding-fields">
          Go to:{" "}
          {finding.fields.map((path, i) => (
            <span key={path}>
              {i > 0 && ", "}
              <GoToField path={path} />
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
