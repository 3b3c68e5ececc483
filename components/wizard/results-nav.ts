"use client";

/** The outputs column's id: the verdict, then every output. */
export const RESULTS_ID = "results";

/** Where the form's reader was when they jumped to the results, to come back to. */
let answersScrollY: number | null = null;

function smooth(): ScrollBehavior {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

/** Scrolls to the verdict at the top of the results and moves focus to its heading. */
export function goToResults(): void {
  const results = document.getElementById(RESULTS_ID);
  if (results === null) return;
  const top = results.getBoundingClientRect().top + window.scrollY;
  // Only remember a place in the answers, not one further down the results.
  if (window.scrollY < top - 1) answersScrollY = window.scrollY;
  const heading = document.getElementById("findings-summary-heading");
  results.scrollIntoView({ block: "start", behavior: smooth() });
  if (heading !== null) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/** Back to where the reader left the answers (the first question when they never were there). */
export function goToAnswers(): void {
  const form = document.querySelector<HTMLElement>("form.wizard-form");
  if (form === null) return;
  const y = answersScrollY ?? form.getBoundingClientRect().top + window.scrollY;
  window.scrollTo({ top: y, behavior: smooth() });
  answersScrollY = null;
  // Focus follows, without a second scroll, for keyboard and screen-reader users.
  form.tabIndex = -1;
  form.focus({ preventScroll: true });
}
