"use client";

import { createContext, useContext } from "react";

/**
 * Whether the outputs on screen are out of date (issue 13): while the answers are
 * invalid the panels keep the last valid outputs, and the buttons that copy or
 * download them say so instead of handing out files for answers the form no
 * longer holds (a download for the wrong release is worse than none).
 */
export interface OutputsFreshness {
  stale: boolean;
}

export const OutputsFreshnessContext = createContext<OutputsFreshness>({ stale: false });

export function useOutputsStale(): boolean {
  return useContext(OutputsFreshnessContext).stale;
}

/** What the copy and download buttons say when the outputs are out of date. */
export const STALE_ACTION_MESSAGE =
  "Out of date: fix the answers marked in the form first, then copy or download.";
