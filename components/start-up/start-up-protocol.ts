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
 * - "failed": the framework's code could not be loaded (after a retry).
 * CSS reads it for the cues (components/start-up/start-up.module.css).
 */
export const START_UP_ATTRIBUTE = "data-start-up";
export type StartUpState = "waiting" | "starting" | "link" | "failed";

/** On <html> while something the user did waits for the wizard (a change or a held click). */
export const START_UP_PENDING_ATTRIBUTE = "data-start-up-pending";

/**
 * Marks the element the wizard renders into (components/wizard/wizard-loader.tsx).
 * postbuild defers the framework's scripts only on pages that have it, and in
 * link mode the start-up script makes it inert until the wizard claims it.
 */
export const START_UP_ROOT_ATTRIBUTE = "data-start-up-root";

/**
 * On the start-up script's own tag (scripts/start-up-html.ts writes them): the
 * framework's scripts, in the order the HTML had them, and the chunks those
 * import lazily (the wizard's code), as space-separated URLs.
 */
export const START_UP_SCRIPTS_ATTRIBUTE = "data-scripts";
export const START_UP_LAZY_CHUNKS_ATTRIBUTE = "data-lazy-chunks";

/** Where the theme menu keeps a manual choice (components/ui/theme-toggle.tsx). */
export const THEME_STORAGE_KEY = "bufstream-wizard:theme";

/** Where the wizard keeps the last answers, to offer them on the next visit (use-local-save.ts). */
export const SAVED_SCENARIO_KEY = "bufstream-wizard:last-scenario";

export type StartUpMode = "static" | "link";

/** A form control whose value the user changed before the wizard ran. */
export type EarlyControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Something the user did before the wizard ran. A change carries the control's
 * state right after it, recorded at the time rather than read back later: while
 * hydrating, react-hook-form writes the default answers back into the controls
 * it registers. A click is one on a button, which does nothing without the page's
 * code, so the start-up script held it back.
 */
export type EarlyAction =
  | { kind: "change"; control: EarlyControl; value: string; checked: boolean }
  | { kind: "click"; button: HTMLButtonElement };

export interface StartUp {
  readonly mode: StartUpMode;
  /** Loads the page's code now, if it has not been asked for (idempotent). */
  start(): void;
  /**
   * The wizard runs: lift the link-mode block. Recording goes on until take()
   * has handed over everything, so what the user does while earlier actions are
   * replayed joins the queue behind them, in order.
   */
  claim(): void;
  /**
   * The oldest action not yet handed over (consecutive changes to one control
   * come as one, its last state), or null when there is none: then recording
   * stops, and clicks reach the page directly.
   */
  take(): EarlyAction | null;
  /** Runs `replay` without recording the events it dispatches. */
  replaying(replay: () => void): void;
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
