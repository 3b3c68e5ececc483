// The page's start-up script (issues 13 and 14): a few hundred bytes of plain DOM
// code that scripts/postbuild.ts compiles (esbuild) and inlines at the top of
// <head>, before anything is painted. It is not a module of the app: no React,
// no Next, nothing imported but constants and types.
//
// Why it exists. The static HTML is the complete wizard for the default answers,
// so the framework's code is not needed to read it; postbuild takes the
// framework's <script> tags out of the HTML and this script loads them:
// - right after the first paint when the page was opened from a share link (the
//   HTML shows the defaults, not the link's answers), and at once when a
//   scenario saved on an earlier visit is waiting to be offered;
// - otherwise at the first sign of use (a pointer moving or pressing, a touch, a
//   key, focus, the wheel), and in the meantime the browser fetches the code at
//   idle priority, so only running it is left.
// A phone that only reads the page never runs the framework at all (Lighthouse:
// total blocking time), and nothing the user does is lost meanwhile:
// - native controls keep working before the code runs (typing, radios, boxes,
//   menus); this script records which ones changed and the wizard applies them
//   when it takes over (components/start-up/replay-early-input.ts), through the
//   same event handlers as any later edit;
// - button clicks (presets, tabs, copy, download) do nothing natively, so they
//   are held here and replayed in order once the wizard runs;
// - opened from a link, the questions are made inert (and dimmed, with a status
//   line) until the wizard has applied the link: an edit to the defaults shown
//   meanwhile would be an edit to answers about to be replaced.
import {
  looksLikeAnchor,
  SAVED_SCENARIO_KEY,
  START_UP_ATTRIBUTE,
  START_UP_GLOBAL,
  START_UP_LAZY_CHUNKS_ATTRIBUTE,
  START_UP_PENDING_ATTRIBUTE,
  START_UP_ROOT_ATTRIBUTE,
  START_UP_SCRIPTS_ATTRIBUTE,
  THEME_STORAGE_KEY,
  type EarlyAction,
  type StartUp,
  type StartUpMode,
  type StartUpState,
} from "./start-up-protocol";

/** A space-separated list of URLs in an attribute of this script's own tag. */
function listed(name: string): string[] {
  return (document.currentScript?.getAttribute(name) ?? "").split(" ").filter(Boolean);
}

const INTENT_EVENTS = [
  "pointerdown",
  "pointermove",
  "touchstart",
  "keydown",
  "focusin",
  "wheel",
  "input",
  "change",
] as const;

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, policy)
  }
}

function whenParsed(then: () => void): void {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", then, { once: true });
  } else {
    then();
  }
}

/** Opened from a link, how long the code waits at most for the first paint (ms). */
const LINK_PAINT_WAIT_MS = 500;

/** How long before a framework script that failed to load is tried again (ms). */
const RETRY_DELAY_MS = 1000;

function installStartUp(scripts: readonly string[], lazyChunks: readonly string[]): void {
  const html = document.documentElement;
  const setState = (state: StartUpState | null) => {
    if (state === null) html.removeAttribute(START_UP_ATTRIBUTE);
    else html.setAttribute(START_UP_ATTRIBUTE, state);
  };

  // A manual theme choice, before the first paint (the theme menu's module did
  // this before, but that module now loads later).
  const theme = readStorage(THEME_STORAGE_KEY);
  if (theme === "light" || theme === "dark") html.dataset.theme = theme;

  const payload = window.location.hash.slice(1);
  let mode: StartUpMode = payload !== "" && !looksLikeAnchor(payload) ? "link" : "static";
  let started = false;
  let recording = true;
  let replaying = false;
  let claimed = false;
  let inertRoot: Element | null = null;
  const actions: EarlyAction[] = [];

  const load = (src: string, onError: () => void) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.addEventListener(
      "error",
      () => {
        script.remove();
        onError();
      },
      { once: true },
    );
    document.head.appendChild(script);
  };

  let injected = false;
  const inject = () => {
    if (injected) return;
    injected = true;
    // A framework script that fails is tried once more; then nothing on the page
    // can run, and the status line says so (the page stays readable as served).
    const failed = () => {
      if (!claimed) setState("failed");
    };
    for (const src of scripts) {
      load(src, () => setTimeout(() => load(src, failed), RETRY_DELAY_MS));
    }
    // Turbopack reuses a <script> already on the page for a chunk it imports, but
    // only learns of an error that happens after it looked: one that failed
    // before must go (load() removes it), so the import loads and retries it
    // itself and, failing that, the wizard says it could not load.
    for (const src of lazyChunks) load(src, () => undefined);
  };

  const start = () => {
    if (started) return;
    started = true;
    for (const type of INTENT_EVENTS) window.removeEventListener(type, start, true);
    if (mode === "link") {
      // Once the page has painted (the served defaults, dimmed): fetched any
      // earlier, the code would compete with the styles and fonts for a slow
      // phone connection and hold the first paint back (Lighthouse: largest
      // contentful paint). The wizard needs the parsed page anyway.
      // A page in a background tab (or a hidden frame) runs no animation frames,
      // so it does not wait for one there: hidden, or not painted within
      // LINK_PAINT_WAIT_MS, it loads anyway.
      whenParsed(() => {
        if (document.visibilityState === "hidden") return inject();
        requestAnimationFrame(() => setTimeout(inject, 0));
        setTimeout(inject, LINK_PAINT_WAIT_MS);
        document.addEventListener("visibilitychange", inject, { once: true });
      });
      return;
    }
    setState("starting");
    // After the next paint: the interaction that asked for the code shows first.
    requestAnimationFrame(() => setTimeout(inject, 0));
  };

  const onChange = (event: Event) => {
    const target = event.target;
    // The wizard's own replays are not the user's changes. Other scripted
    // changes are (a password manager filling a field dispatches untrusted
    // events), so they count.
    if (replaying) return;
    if (!(
      target instanceof HTMLInputElement ||
      target instanceof HTMLSelectElement ||
      target instanceof HTMLTextAreaElement
    )) {
      return;
    }
    html.setAttribute(START_UP_PENDING_ATTRIBUTE, "");
    const last = actions[actions.length - 1];
    const change: EarlyAction = {
      kind: "change",
      control: target,
      value: target.value,
      checked: target instanceof HTMLInputElement && target.checked,
    };
    // Typing is one change per key: keep the last state of a run of changes.
    if (last?.kind === "change" && last.control === target) actions[actions.length - 1] = change;
    else actions.push(change);
  };

  const onClick = (event: MouseEvent) => {
    if (replaying || !event.isTrusted) return;
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    if (target === null || target.disabled) return;
    // Kept from any listener the framework may already have, and replayed once.
    event.preventDefault();
    event.stopImmediatePropagation();
    actions.push({ kind: "click", button: target });
    html.setAttribute(START_UP_PENDING_ATTRIBUTE, "");
    start();
  };

  // The form never submits (the wizard prevents it); before it runs, Enter in a
  // field must not reload the page either.
  const onSubmit = (event: Event) => event.preventDefault();

  const makeRootInert = () => {
    const found = () => document.querySelector(`[${START_UP_ROOT_ATTRIBUTE}]`);
    const apply = (root: Element) => {
      if (claimed) return;
      root.setAttribute("inert", "");
      inertRoot = root;
    };
    const root = found();
    if (root !== null) {
      apply(root);
      return;
    }
    // Still being parsed: mutation callbacks run before the browser handles any
    // input or paints, so the questions are never editable in the meantime.
    const observer = new MutationObserver(() => {
      const parsed = found();
      if (parsed === null) return;
      observer.disconnect();
      apply(parsed);
    });
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => observer.disconnect(), { once: true });
  };

  const startUp: StartUp = {
    get mode() {
      return mode;
    },
    start,
    claim() {
      claimed = true;
      setState(null);
      inertRoot?.removeAttribute("inert");
      document.querySelector(`[${START_UP_ROOT_ATTRIBUTE}][inert]`)?.removeAttribute("inert");
    },
    take() {
      const next = actions.shift();
      if (next !== undefined) return next;
      if (recording) {
        recording = false;
        html.removeAttribute(START_UP_PENDING_ATTRIBUTE);
        window.removeEventListener("input", onChange, true);
        window.removeEventListener("change", onChange, true);
        window.removeEventListener("click", onClick, true);
        window.removeEventListener("submit", onSubmit, true);
      }
      return null;
    },
    replaying(replay) {
      replaying = true;
      try {
        replay();
      } finally {
        replaying = false;
      }
    },
  };
  (window as unknown as Record<string, unknown>)[START_UP_GLOBAL] = startUp;

  window.addEventListener("input", onChange, true);
  window.addEventListener("change", onChange, true);
  window.addEventListener("click", onClick, true);
  window.addEventListener("submit", onSubmit, true);

  const enterLinkMode = () => {
    mode = "link";
    setState("link");
    makeRootInert();
    start();
  };

  if (mode === "link") {
    enterLinkMode();
    return;
  }
  setState("waiting");
  if (payload !== "") {
    // `#word`: an anchor when the page has that id, else a (broken) link.
    document.addEventListener(
      "DOMContentLoaded",
      () => {
        if (!started && document.getElementById(payload) === null) enterLinkMode();
      },
      { once: true },
    );
  }
  if (readStorage(SAVED_SCENARIO_KEY) !== null) {
    // A returning visitor: the wizard offers the saved answers, which it can only
    // do once it runs, so it should not wait for the first edit.
    start();
    return;
  }
  for (const type of INTENT_EVENTS) {
    window.addEventListener(type, start, { capture: true, passive: true });
  }
  window.addEventListener(
    "load",
    () => {
      if (started) return;
      const prefetch = () => {
        if (started) return;
        for (const src of [...scripts, ...lazyChunks]) {
          const link = document.createElement("link");
          link.rel = "prefetch";
          link.href = src;
          document.head.appendChild(link);
        }
      };
      if ("requestIdleCallback" in window) requestIdleCallback(prefetch, { timeout: 2000 });
      else setTimeout(prefetch, 200);
    },
    { once: true },
  );
}

installStartUp(listed(START_UP_SCRIPTS_ATTRIBUTE), listed(START_UP_LAZY_CHUNKS_ATTRIBUTE));
