/**
 * Stable DOM ids derived from a form field's dot path, so the findings summary,
 * the problem list and tests can point at a field (`#field-loadBalancer-host`).
 */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export const errorId = (name: string) => `${fieldId(name)}-error`;
export const helpId = (name: string) => `${fieldId(name)}-help`;
export const findingsId = (name: string) => `${fieldId(name)}-findings`;

/**
 * Move focus to a field by its path. Radio groups are fieldsets: focus the
 * checked option (or the first). Returns false when the field is not on the page
 * (e.g. a platform field while only networking values are shown).
 */
export function focusField(name: string): boolean {
  const element = document.getElementById(fieldId(name));
  if (!element) return false;
  const target =
    element instanceof HTMLFieldSetElement
      ? (element.querySelector<HTMLInputElement>("input:checked") ??
        element.querySelector<HTMLElement>("input, select, textarea, button"))
      : element;
  if (!target) return false;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  target.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  target.focus({ preventScroll: true });
  return true;
}
