// What the page's start-up script (start-up-script.ts, inlined into the HTML by
// scripts/postbuild.ts) and the wizard's React code share. Types and constants
// only: the inline script is compiled on its own, without React or Next.

/** The global the start-up script installs; absent under `next dev` and in unit tests. */
export const START_UP_GLOBAL = "__bufstreamWizardStartUp";

/**
 * On <html>, set by the start-up script until the wizard claims the page:
 * - "waiting": the static page, its code not asked for yet (nothing typed so far);
 * - "starting": the code is loading after the first sign of use (typing works,
 *   the outputs follow once the wizard runs);
 * - "link": the page was opened from a share link; the questions show the
 *   defaults, not the link's answers, so they are not editable until the
 *   wizard has applied the link.
 * CSS reads it for the cues (components/start-up/start-up.module.css).
 */
export const START_UP_ATTRIBUTE = "data-start-up";
export type StartUpState = "waiting" | "starting" | "link";

/** On <html> while something the user did waits for the wizard (a change or a held click). */
export const START_UP_PENDING_ATTRIBUTE = "data-start-up-pending";

/**
 * Marks the element the wizard renders into (components/wizard/wizard-loader.tsx).
 * postbuild defers the framework's scripts only on pages that have it, and in
 * link mode the start-up script makes it inert until the wizard claims it.
 */
export const START_UP_ROOT_ATTRIBUTE = "data-start-up-root";

/** Where the theme menu keeps a manual choice (components/ui/theme-toggle.tsx). */
export const THEME_STORAGE_KEY = "bufstream-wizard:theme";

/** Where the wizard keeps the last answers, to offer them on the next visit (use-local-save.ts). */
export const SAVED_SCENARIO_KEY = "bufstream-wizard:last-scenario";

export type StartUpMode = "static" | "link";

/** A form control whose value the user changed before the wizard ran. */
export type EarlyControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The control's state right after the user's last change to it. Recorded at the
 * time, not read back later: while hydrating, react-hook-form writes the default
 * answers back into the controls it registers.
 */
export interface EarlyChange {
  control: EarlyControl;
  value: string;
  checked: boolean;
}

export interface StartUp {
  readonly mode: StartUpMode;
  /** Loads the page's code now, if it has not been asked for (idempotent). */
  start(): void;
  /**
   * The wizard runs: stop recording changes, lift the link-mode block and hand
   * over the controls the user changed, each once, in the order of their last
   * change. Button clicks stay queued until nextClick() has returned them all.
   */
  claim(): readonly EarlyChange[];
  /**
   * The oldest button click made before the wizard ran, or null when none is
   * left; from then on clicks reach the page directly.
   */
  nextClick(): HTMLElement | null;
}

export function getStartUp(): StartUp | null {
  if (typeof window === "undefined") return null;
  const value = (window as unknown as Record<string, unknown>)[START_UP_GLOBAL];
  return value === undefined ? null : (value as StartUp);
}

/**
 * Whether a fragment (without `#`) could be an in-page anchor such as `#main`
 * rather than a share link: every share link carries a version prefix with a dot
 * (`v1.`), so a plain word is an anchor when an element has that id.
 */
export function looksLikeAnchor(payload: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(payload);
}
