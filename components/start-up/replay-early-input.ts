// Applies what the user did before the wizard ran (recorded by start-up-script.ts)
// through the page's own event handlers, as if it had happened just now: the
// same path as any edit, so react-hook-form, the controlled radios and the
// theme menu each handle it their own way (parsing numbers, side effects).
import type { EarlyAction } from "./start-up-protocol";

type EarlyChange = Extract<EarlyAction, { kind: "change" }>;

type ValueControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The prototype's `value` setter, which React's value tracker does not see. */
function setUntrackedValue(control: ValueControl, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), "value")?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
}

/** The control itself, or the one now holding its id (hydration normally keeps the node). */
function current(control: ValueControl): ValueControl | null {
  if (control.isConnected) return control;
  const byId = control.id === "" ? null : document.getElementById(control.id);
  return byId instanceof HTMLInputElement ||
    byId instanceof HTMLSelectElement ||
    byId instanceof HTMLTextAreaElement
    ? byId
    : null;
}

/**
 * One change, replayed. React fires onChange only when the DOM value differs from
 * the value it last saw (its "tracker"), and before it ran the user changed the
 * DOM itself; so the tracker is first set to something else, through the
 * element's tracked property, and the user's value then put back underneath it.
 * Radios and boxes change through a click, as React listens for.
 */
export function replayEarlyChange(change: EarlyChange): void {
  const control = current(change.control);
  if (control === null || control.disabled) return;
  if (
    control instanceof HTMLInputElement &&
    (control.type === "radio" || control.type === "checkbox")
  ) {
    if (control.type === "radio" && !change.checked) return; // only the chosen radio counts
    control.checked = !change.checked;
    control.click();
    return;
  }
  if (control instanceof HTMLSelectElement) {
    control.value = change.value;
    control.dispatchEvent(new Event("change", { bubbles: true }));
    return;
  }
  control.value = change.value === "" ? " " : "";
  setUntrackedValue(control, change.value);
  control.dispatchEvent(new Event("input", { bubbles: true }));
}

/** A held button click, replayed when its button is still there and usable. */
export function replayEarlyClick(button: HTMLButtonElement): void {
  if (!button.isConnected || button.disabled) return;
  button.click();
}
