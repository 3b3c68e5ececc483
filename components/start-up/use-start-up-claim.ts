"use client";

import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from "react";
import { flushSync } from "react-dom";
import { replayEarlyChange, replayEarlyClick } from "./replay-early-input";
import { getStartUp, type StartUp } from "./start-up-protocol";

/**
 * Takes the page over from the start-up script once the wizard has committed:
 * replays what the user did before it ran, in order, and marks the form
 * `data-hydrated` (tests and the benchmark wait for it).
 *
 * Why a layout effect: it runs in the same commit as hydration, after every
 * field has registered with react-hook-form (which writes the default answers
 * back into the controls it registers) and every watcher has subscribed, and
 * before the browser paints, so the user's answers are never seen reverting.
 *
 * Why clicks wait: a click acts on what the page shows, so each is replayed
 * once the renders before it have committed, on a transition tick (React
 * renders pending transitions together, so the first tick also waits for the
 * ones hydration started, such as adding the share link to the files). The
 * start-up script keeps recording until its queue is empty, so input made
 * during the replay joins the queue behind it rather than overtaking it.
 */
export function useStartUpClaim(
  formRef: RefObject<HTMLFormElement | null>,
  /** Whether the whole wizard is rendered (opened from a link, it renders in steps). */
  active: boolean,
): void {
  const heldClick = useRef<HTMLButtonElement | null>(null);
  const [tick, setTick] = useState(0);

  useLayoutEffect(() => {
    if (!active) return;
    const startUp = getStartUp();
    formRef.current?.setAttribute("data-hydrated", "true");
    if (startUp === null) return;
    startUp.claim();
    heldClick.current = replayUntilClick(startUp);
    if (heldClick.current !== null) startTransition(() => setTick((n) => n + 1));
  }, [active, formRef]);

  // One step per tick: the held click, committed at once (flushSync), then in
  // the same task the changes that followed it. A click can reset the answers
  // (a preset), and react-hook-form writes the new values into its fields only
  // when they render; a keystroke landing between that and the replayed
  // changes would edit the preset's value instead of the user's text.
  useEffect(() => {
    if (tick === 0) return;
    // Outside React's effects, where flushSync can commit.
    const timer = window.setTimeout(() => {
      const startUp = getStartUp();
      const click = heldClick.current;
      if (startUp === null || click === null) return;
      startUp.replaying(() => flushSync(() => replayEarlyClick(click)));
      heldClick.current = replayUntilClick(startUp);
      if (heldClick.current !== null) startTransition(() => setTick((n) => n + 1));
    }, 0);
    return () => window.clearTimeout(timer);
  }, [tick]);
}

/** Replays queued changes up to the next click, which it returns (null: the queue is empty). */
function replayUntilClick(startUp: StartUp): HTMLButtonElement | null {
  for (let next = startUp.take(); next !== null; next = startUp.take()) {
    if (next.kind === "click") return next.button;
    const change = next;
    startUp.replaying(() => replayEarlyChange(change));
  }
  return null;
}
