"use client";

import { useEffect, useState } from "react";

/**
 * True once `active` has held for `delayMs` with no change of `restartKey`, and
 * false the moment `active` ends. The out-of-date notice uses it: typing
 * `kafka-prod` passes through the invalid `kafka-`, and a notice flashing on and
 * off with every hyphen would be the flicker it exists to avoid.
 */
export function useSettled(active: boolean, restartKey: string, delayMs: number): boolean {
  const [settled, setSettled] = useState(false);
  // Reset during render, not in an effect, so the notice never outlives the problem by a frame.
  if (!active && settled) setSettled(false);
  useEffect(() => {
    if (!active || settled) return;
    const timer = window.setTimeout(() => setSettled(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [active, settled, restartKey, delayMs]);
  return active && settled;
}
