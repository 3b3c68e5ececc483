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
import { jsonEqual } from "@/lib/share/json";
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
  /** True after the page was opened with a valid link, until dismissed (the link summary). */
  linkLoaded: boolean;
  dismissLinkSummary(): void;
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
 * - Back/Forward and a pasted link (popstate, hashchange) load that scenario;
 * - a broken link stays in the address bar until the answers change (issue 13),
 *   and a valid one opened from outside raises the "loaded from a link" summary.
 */
export function useShareSync(
  reset: UseFormReset<Scenario>,
  state: ScenarioState,
  opened?: OpenedLink,
): ShareSync {
  const [linkNotice, noticeStore] = useValueStore<LinkNotice | null>(
    opened === undefined ? null : noticeFor(opened.result),
  );
  const [linkLoaded, loadedStore] = useValueStore(opened?.result.ok === true);
  /** The payload the answers currently come from or were last written as ("" for none). */
  const applied = useRef(opened?.payload ?? "");
  const latestScenario = useRef<Scenario | null>(state.scenario);
  /**
   * What the wizard made of a broken link, while the answers are still exactly
   * that: the broken link then stays in the address bar (issue 13), so the user
   * can see and copy what they were sent, until they start over or change an
   * answer (their own work must then survive a reload).
   */
  const heldForBrokenLink = useRef<Scenario | null>(
    opened !== undefined && !opened.result.ok ? opened.result.scenario : null,
  );
  /** Payloads this page put in the history (edits, presets), to tell Back from a pasted link. */
  const written = useRef(new Set<string>(opened === undefined ? [] : [opened.payload]));

  const applyPayload = useCallback(
    (payload: string, opened: boolean) => {
      applied.current = payload;
      written.current.add(payload);
      heldForBrokenLink.current = null;
      if (payload === "") {
        // Back to an entry without a scenario: the defaults.
        reset(DEFAULT_SCENARIO);
        noticeStore.set(null);
        loadedStore.set(false);
        return;
      }
      const result = decodeScenario(payload);
      reset(result.scenario);
      if (!result.ok) heldForBrokenLink.current = result.scenario;
      noticeStore.set(noticeFor(result));
      // Back and Forward move through the wizard's own entries: no "loaded from a link" then.
      loadedStore.set(result.ok && opened);
    },
    [reset, noticeStore, loadedStore],
  );

  // Load from the address on arrival, and whenever history moves.
  useEffect(() => {
    // Deferred one task: a reset() from a child's mount effect runs before
    // useForm's own mount effect and leaves the inputs blank (seen in React 19
    // StrictMode); after the first commit it is safe.
    const initial = readPayload();
    const timer =
      initial !== "" && initial !== applied.current && !isPageAnchor(initial)
        ? window.setTimeout(() => applyPayload(initial, true), 0)
        : undefined;
    const onNavigate = () => {
      const payload = readPayload();
      if (payload === applied.current || isPageAnchor(payload)) return;
      // Back and Forward return to entries this page wrote; anything else is a
      // link pasted into the address bar of the open page.
      applyPayload(payload, !written.current.has(payload));
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
      const held = heldForBrokenLink.current;
      if (held !== null && jsonEqual(held, scenario)) return;
      heldForBrokenLink.current = null;
      const payload = encodeScenario(scenario);
      if (payload === applied.current) return;
      if (applied.current === "" && payload === DEFAULT_PAYLOAD) return;
      applied.current = payload;
      written.current.add(payload);
      // The address bar keeps the wizard's root and changes only its fragment:
      // the descriptive `s/<kind>/` path (lib/share/link-kind.ts) is for links
      // pasted elsewhere, built by buildShareLink ("Copy link", the files), and
      // moving the page to another path would reload it. Both open the same.
      window.history.replaceState(null, "", `#${payload}`);
    }, WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.scenario]);

  const dismissLinkNotice = useCallback(() => noticeStore.set(null), [noticeStore]);
  const dismissLinkSummary = useCallback(() => loadedStore.set(false), [loadedStore]);

  const startFromDefaults = useCallback(() => {
    applied.current = "";
    heldForBrokenLink.current = null;
    reset(DEFAULT_SCENARIO);
    noticeStore.set(null);
    loadedStore.set(false);
    window.history.replaceState(null, "", addressWithoutHash());
  }, [reset, noticeStore, loadedStore]);

  const pushScenario = useCallback(
    (s: Scenario) => {
      heldForBrokenLink.current = null;
      reset(s);
      noticeStore.set(null);
      loadedStore.set(false);
      const payload = encodeScenario(s);
      if (payload === applied.current) return;
      applied.current = payload;
      written.current.add(payload);
      window.history.pushState(null, "", `#${payload}`);
    },
    [reset, noticeStore, loadedStore],
  );

  return {
    linkNotice,
    dismissLinkNotice,
    linkLoaded,
    dismissLinkSummary,
    startFromDefaults,
    pushScenario,
  };
}
