"use client";

import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from "react";
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
 * ones hydration started, such as adding the share link to the files), and
 * what followed it waits for the click's own renders. The start-up script keeps
 * recording until its queue is empty, so input made during the replay joins
 * the queue behind it rather than overtaking it.
 */
export function useStartUpClaim(formRef: RefObject<HTMLFormElement | null>): void {
  const heldClick = useRef<HTMLButtonElement | null>(null);
  const [tick, setTick] = useState(0);

  useLayoutEffect(() => {
    const startUp = getStartUp();
    formRef.current?.setAttribute("data-hydrated", "true");
    if (startUp === null) return;
    startUp.claim();
    heldClick.current = replayUntilClick(startUp);
    if (heldClick.current !== null) startTransition(() => setTick((n) => n + 1));
  }, [formRef]);

  // One step per tick: the held click, then (a tick later) what followed it.
  useEffect(() => {
    const startUp = getStartUp();
    if (tick === 0 || startUp === null) return;
    const click = heldClick.current;
    heldClick.current = null;
    if (click !== null) {
      startUp.replaying(() => replayEarlyClick(click));
      startTransition(() => setTick((n) => n + 1));
      return;
    }
    heldClick.current = replayUntilClick(startUp);
    if (heldClick.current !== null) startTransition(() => setTick((n) => n + 1));
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
