// Browser-side copy, with a fallback for pages where the async Clipboard API is
// missing or refused (plain-http hosts, some embedded browsers).

export type CopyResult = "copied" | "failed";

function copyWithTextarea(text: string): boolean {
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  // Off-screen but not display:none, which cannot be selected.
  textarea.style.position = "fixed";
  textarea.style.top = "-1000px";
  textarea.style.opacity = "0";
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(textarea);
  textarea.select();
  let ok = false;
  try {
    // Deprecated, but the only synchronous path when navigator.clipboard is absent.
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  textarea.remove();
  active?.focus();
  return ok;
}

export async function copyText(text: string): Promise<CopyResult> {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return "copied";
    } catch {
      // Permission refused or not a secure context: try the old way.
    }
  }
  return copyWithTextarea(text) ? "copied" : "failed";
}

/**
 * Copies an image (PNG). The blob is handed over as a promise so the copy
 * starts within the click (browsers require a user gesture) while the image is
 * still being drawn. Fails where the browser cannot copy images.
 */
export async function copyImage(png: Promise<Blob>): Promise<CopyResult> {
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) {
    await png.catch(() => undefined);
    return "failed";
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
    return "copied";
  } catch {
    return "failed";
  }
}

/** Selects an element's text so the user can press Ctrl+C / ⌘C when copying failed. */
export function selectContents(element: Element): void {
  const selection = window.getSelection();
  if (selection === null) return;
  // Text inside a closed <details> cannot be selected: open it first.
  const details = element.closest("details");
  if (details !== null && !details.open) details.open = true;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
