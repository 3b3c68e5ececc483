"use client";

import { useState, useSyncExternalStore } from "react";

/**
 * A tiny observable value. The wizard's session hooks (link, local save) learn
 * things in effects and event listeners, outside React's render; they write them
 * here and components read them with useSyncExternalStore, which keeps the
 * static HTML (server snapshot) and the first client render identical.
 */
export interface ValueStore<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A store owned by the calling component, and its current value. */
export function useValueStore<T>(initial: T): [T, ValueStore<T>] {
  const [store] = useState(() => createValueStore(initial));
  const value = useSyncExternalStore(store.subscribe, store.get, () => initial);
  return [value, store];
}
