"use client";

// The wizard's own scrolls: to a field, an output, the results, back to the
// answers. Off-screen sections are skipped at a placeholder height until they
// near the viewport (content-visibility in app/globals.css), so a scroll's end
// point, worked out when it starts, would be off by the difference between the
// placeholders it passes and the sections' real heights: a smooth scroll would
// stop short (on a phone, "Results" ended in the middle of the questions). For
// the length of the scroll every section is laid out, so the end point is
// right; once it ends, sections are skipped again, now at their remembered
// heights.

/** Set on <html> while every section is laid out (app/globals.css). */
export const SECTIONS_LAID_OUT_ATTRIBUTE = "data-sections-laid-out";

/** The longest a scroll is waited for: without `scrollend` (Safari), or when nothing moved. */
const LAID_OUT_AT_MOST_MS = 3000;

let release: (() => void) | null = null;

function layOutSectionsUntilScrollEnds(): void {
  release?.();
  const root = document.documentElement;
  root.setAttribute(SECTIONS_LAID_OUT_ATTRIBUTE, "");
  const onEnd = () => release?.();
  const timer = setTimeout(onEnd, LAID_OUT_AT_MOST_MS);
  // Capture: `scrollend` does not bubble from the results column's own scroller.
  window.addEventListener("scrollend", onEnd, true);
  release = () => {
    clearTimeout(timer);
    window.removeEventListener("scrollend", onEnd, true);
    root.removeAttribute(SECTIONS_LAID_OUT_ATTRIBUTE);
    release = null;
  };
}

function behavior(): ScrollBehavior {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

/** Scrolls `target` into view, smoothly unless the reader asked for reduced motion. */
export function scrollToElement(target: Element, block: ScrollLogicalPosition): void {
  layOutSectionsUntilScrollEnds();
  target.scrollIntoView({ block, behavior: behavior() });
}

/** Scrolls the page to `top`, smoothly unless the reader asked for reduced motion. */
export function scrollPageTo(top: number): void {
  layOutSectionsUntilScrollEnds();
  window.scrollTo({ top, behavior: behavior() });
}
