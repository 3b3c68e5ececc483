"use client";

import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { copyText, selectContents, type CopyResult } from "./clipboard";
import { REFUSAL_MESSAGE, useRefusalCheck } from "./freshness";
import styles from "./outputs.module.css";
import { useTransientStatus } from "./use-transient-status";

export interface CopyButtonProps {
  /** The text to copy (read when clicked). */
  text?: string;
  /** Copies something other than text (an image); used instead of `text`. */
  copy?: () => Promise<CopyResult>;
  /** What to say when `copy` fails (default: how to copy text by hand). */
  failedMessage?: string;
  /** What is copied, for the accessible name ("Copy <what>") and the announcement. */
  what: string;
  /** Element whose text is selected when copying is impossible, so Ctrl+C still works. */
  fallbackTarget?: RefObject<Element | null>;
  /** Visible label (default "Copy"); the accessible name is "<label> <what>". */
  children?: string;
}

type Outcome = "idle" | "copied" | "failed" | "stale" | "behind";
const CONFIRM_MS = 2500;

/**
 * A copy button that confirms: its name stays "Copy <what>" (stable for
 * assistive tech, voice control and tests), and a polite live region beside it
 * shows and announces "Copied" (or how to copy by hand when the browser refuses).
 */
export function CopyButton({
  text = "",
  copy,
  failedMessage,
  what,
  fallbackTarget,
  children = "Copy",
}: CopyButtonProps) {
  const [outcome, show] = useTransientStatus<Outcome>("idle");
  const refusal = useRefusalCheck();

  const onClick = async () => {
    const refused = refusal();
    if (refused !== null) {
      show(refused, 8000);
      return;
    }
    const result = copy !== undefined ? await copy() : await copyText(text);
    if (result === "failed" && fallbackTarget?.current) selectContents(fallbackTarget.current);
    show(result, result === "copied" ? CONFIRM_MS : 8000);
  };

  return (
    <span className={styles.copy}>
      <Button size="small" onClick={onClick} data-copied={outcome === "copied" || undefined}>
        {children}
        <span className="visually-hidden"> {what}</span>
      </Button>
      <span
        role="status"
        className={styles.copyStatus}
        data-problem={
          outcome === "failed" || outcome === "stale" || outcome === "behind" || undefined
        }
      >
        {outcome === "copied" && (
          <>
            <span aria-hidden="true">✓ </span>Copied
            <span className="visually-hidden"> {what} to the clipboard</span>
          </>
        )}
        {outcome === "failed" &&
          (failedMessage ??
            (fallbackTarget
              ? "Copying is blocked here: the text is selected, press Ctrl+C (⌘C on a Mac)."
              : "Copying is blocked here: select the text and press Ctrl+C (⌘C on a Mac)."))}
        {(outcome === "stale" || outcome === "behind") && REFUSAL_MESSAGE[outcome]}
      </span>
    </span>
  );
}
