"use client";

import { startTransition, useEffect, useLayoutEffect, useState, type RefObject } from "react";
import { replayEarlyChange, replayEarlyClick } from "./replay-early-input";
import { getStartUp } from "./start-up-protocol";

/**
 * Takes the page over from the start-up script once the wizard has committed
 * (`active`): applies the changes the user made before it ran, marks the form
 * `data-hydrated` (tests and the benchmark wait for it), then replays the held
 * button clicks one by one.
 *
 * Why a layout effect: it runs in the same commit as hydration, after every
 * field has registered with react-hook-form (which writes the default answers
 * back into the controls it registers) and every watcher has subscribed, and
 * before the browser paints, so the user's answers are never seen reverting and
 * no event can slip in between reading the record and handling input directly.
 *
 * Why clicks wait: a click acts on what the page shows, so each is replayed
 * after the renders before it have committed (a transition tick: React renders
 * pending transitions together, so the tick also waits for the ones hydration
 * started, such as adding the share link to the files).
 */
export function useStartUpClaim(formRef: RefObject<HTMLFormElement | null>, active = true): void {
  const [clickTick, setClickTick] = useState(-1);

  useLayoutEffect(() => {
    if (!active) return;
    const startUp = getStartUp();
    for (const change of startUp?.claim() ?? []) replayEarlyChange(change);
    formRef.current?.setAttribute("data-hydrated", "true");
    startTransition(() => setClickTick(0));
  }, [active, formRef]);

  useEffect(() => {
    if (clickTick < 0) return;
    const button = getStartUp()?.nextClick() ?? null;
    if (button === null) return;
    replayEarlyClick(button);
    startTransition(() => setClickTick((tick) => tick + 1));
  }, [clickTick]);
}
