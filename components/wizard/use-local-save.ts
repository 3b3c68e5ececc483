"use client";

import { useCallback, useEffect, useRef } from "react";
import type { UseFormReset } from "react-hook-form";
import { SAVED_SCENARIO_KEY } from "@/components/start-up/start-up-protocol";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import type { Scenario } from "@/lib/scenario/schema";
import { jsonEqual } from "@/lib/share/json";
import { restoreScenario } from "@/lib/share/restore";
import type { ScenarioState } from "./use-scenario-form";
import { useValueStore } from "./value-store";

export const LOCAL_SAVE_KEY = SAVED_SCENARIO_KEY;
const SAVE_DELAY_MS = 500;

export interface LocalSave {
  /** The scenario saved on a previous visit, offered (never applied by itself) when the page opens without a link. */
  offer: Scenario | null;
  restoreOffer(): void;
  dismissOffer(): void;
}

function readSaved(): Scenario | null {
  try {
    const text = window.localStorage.getItem(LOCAL_SAVE_KEY);
    if (text === null) return null;
    // restore() repairs old or damaged saves: migrate, fill defaults, validate.
    return restoreScenario(JSON.parse(text) as unknown).scenario;
  } catch {
    return null; // storage blocked or not JSON: nothing to offer
  }
}

/**
 * Saves the answers in localStorage as the user edits (issue 4: "nothing
 * lost"), and on a return without a link offers the last scenario. Saving starts
 * only after the first change, so merely opening the page never overwrites
 * what the offer would restore.
 */
export function useLocalSave(reset: UseFormReset<Scenario>, state: ScenarioState): LocalSave {
  const [offer, offerStore] = useValueStore<Scenario | null>(null);
  const firstKey = useRef<string | null>(null);

  useEffect(() => {
    if (window.location.hash.length > 1) return; // a link wins; no offer
    const saved = readSaved();
    if (saved !== null && !jsonEqual(saved, DEFAULT_SCENARIO)) offerStore.set(saved);
  }, [offerStore]);

  useEffect(() => {
    if (firstKey.current === null) firstKey.current = state.key;
    if (state.key === firstKey.current) return;
    const key = state.key;
    const timer = window.setTimeout(() => {
      try {
        // Saved as typed (even mid-edit and invalid): restore() repairs it on the way back.
        window.localStorage.setItem(LOCAL_SAVE_KEY, key);
      } catch {
        // Storage full or blocked: the link in the address bar still holds the work.
      }
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.key]);

  const restoreOffer = useCallback(() => {
    const saved = offerStore.get();
    if (saved !== null) reset(saved);
    offerStore.set(null);
  }, [reset, offerStore]);

  const dismissOffer = useCallback(() => offerStore.set(null), [offerStore]);

  return { offer, restoreOffer, dismissOffer };
}
