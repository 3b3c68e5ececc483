"use client";

/**
 * "Skip to content". It moves focus itself instead of following `#main`: the
 * URL fragment carries the scenario (issue 4), so in-page anchors must not
 * replace it.
 */
export function SkipLink({ targetId, children }: { targetId: string; children: string }) {
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (target === null) return;
        event.preventDefault();
        if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
        target.focus();
      }}
    >
      {children}
    </a>
  );
}
