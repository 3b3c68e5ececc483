import styles from "./outputs.module.css";

/**
 * Shown in place of an output while the answers are invalid: the outputs never
 * show stale or broken text (issue 2, "The scenario model").
 */
export function WaitingNotice({ problems, what }: { problems: readonly string[]; what: string }) {
  return (
    <div className={styles.waiting} data-testid="outputs-waiting">
      <p>
        <strong>Waiting for a valid answer.</strong> The {what} will appear when the form has no
        errors.
      </p>
      {problems.length > 0 && (
        <ul className={styles.problems}>
          {problems.map((problem, index) => (
            // Problems can repeat (two fields with the same message); the index keeps keys unique.
            <li key={`${index}-${problem}`}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
