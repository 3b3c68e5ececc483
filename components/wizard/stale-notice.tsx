"use client";

import { GoToField } from "./go-to-field";
import { useScenarioStateContext } from "./scenario-context";

/** Problems listed before "and N more": the notice covers the top of the outputs. */
const LISTED = 3;

/**
 * Says that the outputs on screen are out of date and what to fix (issue 13).
 * It floats over the top of the outputs column (a zero-height sticky anchor with
 * an absolutely placed box), so appearing and going moves nothing on the page;
 * the live region always exists so screen readers hear it appear.
 */
export function StaleNotice({ shown }: { shown: boolean }) {
  const { problems } = useScenarioStateContext();
  const listed = problems.slice(0, LISTED);
  const more = problems.length - listed.length;
  return (
    <div className="stale-anchor">
      <div
        className="stale-notice"
        id="outputs-stale-notice"
        role="status"
        data-testid="outputs-stale"
        data-shown={shown}
      >
        {shown && problems.length > 0 && (
          <>
            <p>
              <strong>Out of date.</strong> These outputs are for your last valid answers; they
              update as soon as {problems.length === 1 ? "this answer is" : "these answers are"}{" "}
              fixed:
            </p>
            <ul>
              {listed.map((problem, i) => (
                <li key={`${i}-${problem.path}`}>
                  <GoToField path={problem.path} />: {problem.message}
                </li>
              ))}
              {more > 0 && <li>and {more} more, marked in the form</li>}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
