"use client";

import { useEffect, useState } from "react";
import { useShownVerdict } from "./findings-summary";
import { goToAnswers, goToResults, RESULTS_ID } from "./results-nav";
import { useScenarioStateContext } from "./scenario-context";

/**
 * On narrow screens the results come after every question (on a phone the
 * verdict starts thousands of pixels down), so a bar fixed to the bottom of the
 * screen always offers both (issue 13, "Results come first"): the verdict in a
 * few words, "Answers" and "Results". Wide screens show both columns and hide it.
 * Fixed, so its changes move nothing else on the page.
 */
export function AnswersResultsBar() {
  const { scenario, problems } = useScenarioStateContext();
  const verdict = useShownVerdict();
  const inResults = useResultsInView();
  const stale = scenario === null;
  // Short enough to fit beside the buttons on a 360 px screen.
  const status = stale
    ? `${problems.length === 1 ? "1 answer" : `${problems.length} answers`} to fix`
    : verdict.status === "fails"
      ? "Will not work"
      : verdict.status === "after-install"
        ? "Connects after install"
        : "Clients connect";
  const tone = stale ? "stale" : verdict.status === "fails" ? "fails" : "connects";
  return (
    <nav className="answers-results-bar" aria-label="Answers and results">
      <p
        className="answers-results-status"
        data-tone={tone}
        title={stale ? undefined : verdict.headline}
      >
        <span aria-hidden="true">{stale ? "… " : tone === "fails" ? "✗ " : "✓ "}</span>
        {status}
      </p>
      <div className="answers-results-buttons">
        <button
          type="button"
          className="button button-small"
          data-active={!inResults}
          onClick={goToAnswers}
        >
          Answers
        </button>
        <button
          type="button"
          className="button button-small"
          data-active={inResults}
          onClick={goToResults}
        >
          Results
        </button>
      </div>
    </nav>
  );
}

/** Whether the results column fills most of the screen (which button is the current place). */
function useResultsInView(): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const results = document.getElementById(RESULTS_ID);
    if (results === null || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      ([entry]) => setInView(entry?.isIntersecting ?? false),
      // "In the results" once they reach the middle of the screen.
      { rootMargin: "0px 0px -50% 0px" },
    );
    observer.observe(results);
    return () => observer.disconnect();
  }, []);
  return inView;
}
