"use client";

import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type ReactNode,
} from "react";
import { LEAVE_DELAY_MS } from "./text-editing";

/**
 * Which fields may show their errors (issue 13, "Nothing flickers"). A field is
 * reached once the user has left it (blur), or when the wizard is asked to show
 * everything (Copy link with invalid answers). Until then a problem on it shows
 * as a plain "needed" note, not as an error: choosing "Cloud load balancer" must
 * not greet the user with a red, empty host field they have not looked at yet.
 * And the field being typed in shows no new error until it is left ("reward
 * early, punish late"): a half-typed `kafka-` is not a mistake yet.
 */
export interface FieldReach {
  isReached(path: string): boolean;
  markReached(path: string): void;
  /** Every field shows its errors (the user asked for a result that needs valid answers). */
  revealAll(): void;
  /** Fresh answers (start over, a preset, a link): nothing reached. */
  clear(): void;
  subscribe(listener: () => void): () => void;
}

export function createFieldReach(): FieldReach {
  let reached = new Set<string>();
  let all = false;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  return {
    isReached: (path) => all || reached.has(path),
    markReached(path) {
      if (all || reached.has(path)) return;
      reached = new Set(reached).add(path);
      changed();
    },
    revealAll() {
      if (all) return;
      all = true;
      changed();
    },
    clear() {
      if (!all && reached.size === 0) return;
      reached = new Set();
      all = false;
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Outside a provider (unit tests of single steps) every field counts as reached. */
const EVERYTHING: FieldReach = (() => {
  const reach = createFieldReach();
  reach.revealAll();
  return reach;
})();

const FieldReachContext = createContext<FieldReach>(EVERYTHING);

export function FieldReachProvider({ children }: { children: ReactNode }) {
  const [reach] = useState(createFieldReach);
  return <FieldReachContext value={reach}>{children}</FieldReachContext>;
}

export function useFieldReach(): FieldReach {
  return useContext(FieldReachContext);
}

/** Whether this field's errors may show; re-renders the caller only when that changes. */
export function useIsReached(path: string): boolean {
  const reach = useFieldReach();
  return useSyncExternalStore(
    reach.subscribe,
    () => reach.isReached(path),
    // The static HTML holds the default answers, which have no problems to show.
    () => false,
  );
}

/**
 * Focus handlers that mark `path` reached when focus leaves the element (a
 * field, a radio group, a list of rows), not when it moves inside it; after
 * LEAVE_DELAY_MS, so the click that left it lands before its error (and any
 * height it releases) can move the page under the pointer (text-editing.tsx).
 * Focus coming back within that time cancels it. `onLeft` runs with the mark.
 */
export function useLeaveMarksReached(
  path: string,
  onLeft?: () => void,
): { onFocus: () => void; onBlur: (event: FocusEvent<HTMLElement>) => void } {
  const reach = useFieldReach();
  const leaving = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(leaving.current), []);
  return {
    onFocus: () => window.clearTimeout(leaving.current),
    onBlur: (event) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      window.clearTimeout(leaving.current);
      leaving.current = window.setTimeout(() => {
        onLeft?.();
        reach.markReached(path);
      }, LEAVE_DELAY_MS);
    },
  };
}
