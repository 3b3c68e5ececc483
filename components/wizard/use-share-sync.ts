"use client";

import { useCallback, useEffect, useRef } from "react";
import type { UseFormReset } from "react-hook-form";
import { DEFAULT_SCENARIO } from "@/lib/scenario/defaults";
import type { Scenario } from "@/lib/scenario/schema";
import {
  decodeScenario,
  encodeScenario,
  type DecodeFailure,
  type DecodeResult,
} from "@/lib/share/codec";
import type { Problem } from "@/lib/share/restore";
import type { ScenarioState } from "./use-scenario-form";
import { useValueStore } from "./value-store";

/** What went wrong with the link the page was opened with (plain words from the decoder). */
export interface LinkNotice {
  kind: DecodeFailure;
  problems: readonly Problem[];
  notes: readonly string[];
}

/** The link the page was opened with, decoded before the wizard's first render. */
export interface OpenedLink {
  payload: string;
  result: DecodeResult;
}

function noticeFor(result: DecodeResult): LinkNotice | null {
  return result.ok ? null : { kind: result.kind, problems: result.problems, notes: result.notes };
}

export interface ShareSync {
  linkNotice: LinkNotice | null;
  dismissLinkNotice(): void;
  /** Back to DEFAULT_SCENARIO, and the fragment dropped from the address bar. */
  startFromDefaults(): void;
  /** Load a whole scenario as a new history entry, so Back returns to the previous one (presets). */
  pushScenario(s: Scenario): void;
}

/** Edits settle this long before the address bar follows (issue 4: debounced replaceState). */
const WRITE_DELAY_MS = 300;
const DEFAULT_PAYLOAD = encodeScenario(DEFAULT_SCENARIO);

function readPayload(): string {
  return window.location.hash.replace(/^#/, "");
}

/** `#main` and other in-page anchors are not links to a scenario. */
function isPageAnchor(payload: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(payload) && document.getElementById(payload) !== null;
}

/** The page's address without its fragment. */
function addressWithoutHash(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Keeps the URL fragment and the form in step (issue 4):
 * - on load, a fragment is decoded; a valid scenario replaces the answers, and a
 *   bad one shows what was wrong while keeping whatever could be read (`opened`:
 *   the page's start-up decoded it already and the form starts from it);
 * - edits are written back with a debounced history.replaceState, only while
 *   the answers are valid (a link always carries a valid scenario), and never
 *   for the untouched defaults (a fresh visit keeps a clean address);
 * - Back/Forward and a pasted link (popstate, hashchange) load that scenario.
 */
export function useShareSync(
  reset: UseFormReset<Scenario>,
  state: ScenarioState,
  opened?: OpenedLink,
): ShareSync {
  const [linkNotice, noticeStore] = useValueStore<LinkNotice | null>(
    opened === undefined ? null : noticeFor(opened.result),
  );
  /** The payload the answers currently come from or were last written as ("" for none). */
  const applied = useRef(opened?.payload ?? "");
  const latestScenario = useRef<Scenario | null>(state.scenario);

  const applyPayload = useCallback(
    (payload: string) => {
      applied.current = payload;
      if (payload === "") {
        // Back to an entry without a scenario: the defaults.
        reset(DEFAULT_SCENARIO);
        noticeStore.set(null);
        return;
      }
      const result = decodeScenario(payload);
      reset(result.scenario);
      noticeStore.set(noticeFor(result));
    },
    [reset, noticeStore],
  );

  // Load from the address on arrival, and whenever history moves.
  useEffect(() => {
    // Deferred one task: a reset() from a child's mount effect runs before
    // useForm's own mount effect and leaves the inputs blank (seen in React 19
    // StrictMode); after the first commit it is safe.
    const initial = readPayload();
    const timer =
      initial !== "" && initial !== applied.current && !isPageAnchor(initial)
        ? window.setTimeout(() => applyPayload(initial), 0)
        : undefined;
    const onNavigate = () => {
      const payload = readPayload();
      if (payload === applied.current || isPageAnchor(payload)) return;
      applyPayload(payload);
    };
    window.addEventListener("popstate", onNavigate);
    window.addEventListener("hashchange", onNavigate);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("popstate", onNavigate);
      window.removeEventListener("hashchange", onNavigate);
    };
  }, [applyPayload]);

  // Follow edits in the address bar.
  useEffect(() => {
    latestScenario.current = state.scenario;
    if (state.scenario === null) return;
    const timer = window.setTimeout(() => {
      const scenario = latestScenario.current;
      if (scenario === null) return;
      const payload = encodeScenario(scenario);
      if (payload === applied.current) return;
      if (applied.current === "" && payload === DEFAULT_PAYLOAD) return;
      applied.current = payload;
      window.history.replaceState(null, "", `#${payload}`);
    }, WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.scenario]);

  const dismissLinkNotice = useCallback(() => noticeStore.set(null), [noticeStore]);

  const startFromDefaults = useCallback(() => {
    applied.current = "";
    reset(DEFAULT_SCENARIO);
    noticeStore.set(null);
    window.history.replaceState(null, "", addressWithoutHash());
  }, [reset, noticeStore]);

  const pushScenario = useCallback(
    (s: Scenario) => {
      reset(s);
      noticeStore.set(null);
      const payload = encodeScenario(s);
      if (payload === applied.current) return;
      applied.current = payload;
      window.history.pushState(null, "", `#${payload}`);
    },
    [reset, noticeStore],
  );

  return { linkNotice, dismissLinkNotice, startFromDefaults, pushScenario };
}
