"use client";

import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
} from "react";

/**
 * Whether the outputs on screen are out of date (issue 13): while the answers are
 * invalid the panels keep the last valid outputs, and the buttons that copy or
 * download them say so instead of handing out files for answers the form no
 * longer holds (a download for the wrong release is worse than none). Outputs
 * that follow an edit in a deferred render (issue 14) are also behind for a
 * moment; that is read only when a button is used (`behind`), so a key that
 * starts and ends the lag re-renders none of the buttons.
 */
export interface OutputsFreshness {
  /** The answers are invalid: the outputs shown are the last valid answers'. */
  stale: boolean;
  /** Whether the outputs shown are still following the latest edit (read when acting). */
  behind: () => boolean;
}

const NEVER_BEHIND = () => false;

const OutputsFreshnessContext = createContext<OutputsFreshness>({
  stale: false,
  behind: NEVER_BEHIND,
});

export function useOutputsStale(): boolean {
  return useContext(OutputsFreshnessContext).stale;
}

/** Why a copy or download must refuse now, if it must. */
export type Refusal = "stale" | "behind" | null;

/** For copy and download buttons: call it when clicked. */
export function useRefusalCheck(): () => Refusal {
  const { stale, behind } = useContext(OutputsFreshnessContext);
  return useCallback(() => (stale ? "stale" : behind() ? "behind" : null), [stale, behind]);
}

/**
 * Freshness for the outputs inside: out of date when `stale` or when the
 * outputs above are, behind while `following` (they show the answers before
 * the edit) or while the outputs above are. `following` is kept in a ref set at
 * commit, so its changes re-render nothing.
 */
export function OutputsFreshnessProvider({
  stale = false,
  following = false,
  children,
}: {
  stale?: boolean;
  following?: boolean;
  children: ReactNode;
}) {
  const outer = useContext(OutputsFreshnessContext);
  const followingNow = useRef(following);
  useLayoutEffect(() => {
    followingNow.current = following;
  }, [following]);
  const outerBehind = outer.behind;
  const behind = useCallback(() => followingNow.current || outerBehind(), [outerBehind]);
  const anyStale = stale || outer.stale;
  const value = useMemo(() => ({ stale: anyStale, behind }), [anyStale, behind]);
  return <OutputsFreshnessContext value={value}>{children}</OutputsFreshnessContext>;
}

/** What the copy and download buttons say when they refuse. */
export const REFUSAL_MESSAGE: Record<Exclude<Refusal, null>, string> = {
  stale: "Out of date: fix the answers marked in the form first, then copy or download.",
  behind: "Still updating for your last change: try again in a moment.",
};
