"use client";

import type { ValuesLayering } from "@/lib/bundle/values-layering";
import { InlineCode } from "./inline-code";
import styles from "./outputs.module.css";

/**
 * Which values files `helm upgrade` gets, first to last, and what that means
 * (the same words as the bundle README: lib/bundle/values-layering.ts). Shown
 * above the install steps, where a first-time Helm user needs it.
 */
export function ValuesLayeringNote({ layering }: { layering: ValuesLayering }) {
  return (
    <section className={styles.layering} aria-labelledby="values-layering-heading">
      <h3 id="values-layering-heading" className={styles.stepTitle}>
        How the values files layer
      </h3>
      <p className={styles.stepDetail}>
        <InlineCode text={layering.rule} />
      </p>
      <p className={styles.stepDetail}>
        <InlineCode text="`helm upgrade` gets these, first to last:" />
      </p>
      <ol className={styles.layeringOrder} data-testid="values-layering">
        {layering.order.map((entry) => (
          <li key={entry.file}>
            <code>{entry.file}</code>: <InlineCode text={entry.what} />
          </li>
        ))}
      </ol>
      <p className={styles.stepDetail}>
        <InlineCode text={layering.meaning} />
      </p>
      {layering.layered && (
        <details className={styles.more}>
          <summary>Keys this bundle sets ({layering.ownedKeys.length})</summary>
          <ul className={styles.kitNotes}>
            {layering.ownedKeys.map((key) => (
              <li key={key}>
                <code>{key.replace(/ \(a list\)$/, "")}</code>
                {key.endsWith(" (a list)") ? " (a list: replaces the whole list)" : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
      {layering.written.length > 0 && (
        <p className={styles.stepDetail}>
          install.sh writes{" "}
          {layering.written.map((file, i) => (
            <span key={file}>
              {i > 0 ? ", " : ""}
              <code>{file}</code>
            </span>
          ))}{" "}
          next to itself: the release&apos;s current values, read before any change (readable by you
          only; they may hold credentials, so do not commit them).
        </p>
      )}
    </section>
  );
}
