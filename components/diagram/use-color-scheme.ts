"use client";

import { useSyncExternalStore } from "react";
import type { DiagramTheme } from "./mermaid-adapter";

// The page's theme, so the diagram follows light/dark. An explicit choice on
// <html> wins (`data-theme="dark"`, `class="dark"`, or an inline
// `color-scheme`); otherwise the system preference.
const DARK_QUERY = "(prefers-color-scheme: dark)";

function readColorScheme(): DiagramTheme {
  const root = document.documentElement;
  const explicit = root.dataset.theme ?? root.dataset.colorScheme;
  if (explicit === "dark" || explicit === "light") return explicit;
  if (root.classList.contains("dark")) return "dark";
  if (root.classList.contains("light")) return "light";
  const inline = root.style.colorScheme.trim();
  if (inline === "dark" || inline === "light") return inline;
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["class", "style", "data-theme", "data-color-scheme"],
  });
  return () => {
    media.removeEventListener("change", onChange);
    observer.disconnect();
  };
}

/** "light" during static rendering; the real scheme after hydration. */
export function useColorScheme(): DiagramTheme {
  return useSyncExternalStore(subscribe, readColorScheme, () => "light");
}
