"use client";

import { useId, useSyncExternalStore } from "react";

/**
 * Light / dark / system theme. CSS follows prefers-color-scheme by default; a
 * manual choice sets `data-theme` on <html> and is kept in localStorage. There is
 * no inline script (the site runs under a CSP without 'unsafe-inline'), so the
 * stored choice is applied as soon as this module loads in the browser, before
 * hydration: only a user whose choice differs from the system sees a brief flash.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = "bufstream-wizard:theme";
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
