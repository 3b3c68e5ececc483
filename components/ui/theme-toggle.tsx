"use client";

import { useId, useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY } from "@/components/start-up/start-up-protocol";

/**
 * Light / dark / system theme. CSS follows prefers-color-scheme by default; a
 * manual choice sets `data-theme` on <html> and is kept in localStorage. The
 * page's start-up script (components/start-up/start-up-script.ts, inlined with a
 * CSP hash) applies a stored choice before the first paint; this module applies
 * it again when it loads, for pages served without that script (`next dev`).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

// Shared with the start-up script, which applies a stored choice before the first paint.
const STORAGE_KEY = THEME_STORAGE_KEY;
const CHANGE_EVENT = "bufstream-wizard:theme-change";

function readTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return THEMES.find((t) => t === stored) ?? "system";
  } catch {
    return "system"; // storage blocked (private mode, policy)
  }
}

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}

if (typeof window !== "undefined") applyTheme(readTheme());

function setTheme(theme: Theme) {
  try {
    if (theme === "system") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not persisted; still applied for this visit.
  }
  applyTheme(theme);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) {
      applyTheme(readTheme());
      onChange();
    }
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

export function ThemeToggle() {
  const id = useId();
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as Theme);
  return (
    <div className="theme-toggle">
      <label htmlFor={id} className="theme-toggle-label">
        Theme
      </label>
      <select
        id={id}
        className="input select theme-toggle-select"
        value={theme}
        onChange={(event) => {
          const next = THEMES.find((t) => t === event.target.value);
          if (next) setTheme(next);
        }}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
