"use client";

import { createContext, useContext, useMemo, type FocusEvent, type ReactNode } from "react";
import { useValueStore, type ValueStore } from "./value-store";

/**
 * The form's text or number box being typed in, if any (issue 13, "Nothing
 * flickers"). While there is one, what reacts to the answers holds still:
 * findings about that box that were not there when it was focused wait until it
 * is left (typing `9092` into the port passes through 9, 90 and 909, each a
 * port that cannot work), and output sections do not shrink, so a value typed
 * key by key does not make the page jump at every key.
 */
export interface TextFocus {
  /** The field's path (react-hook-form's `name` on the input), e.g. `loadBalancer.port`. */
  path: string;
}

const TextEditingContext = createContext<{
  focus: TextFocus | null;
  store: ValueStore<TextFocus | null>;
} | null>(null);

function textBoxPath(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLInputElement)) return null;
  if (target.type !== "text" && target.type !== "number") return null;
  return target.name;
}

export function TextEditingProvider({ children }: { children: ReactNode }) {
  const [focus, store] = useValueStore<TextFocus | null>(null);
  const value = useMemo(() => ({ focus, store }), [focus, store]);
  return <TextEditingContext value={value}>{children}</TextEditingContext>;
}

/** The text box being typed in (a new object for every focus), or null. */
export function useTextFocus(): TextFocus | null {
  return useContext(TextEditingContext)?.focus ?? null;
}

/** True while a text or number box of the form has focus. */
export function useTextEditing(): boolean {
  return useTextFocus() !== null;
}

/** Focus handlers for the form element: they keep track of the focused text box. */
export function useTextEditingHandlers() {
  const store = useContext(TextEditingContext)?.store;
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const path = textBoxPath(event.target);
      store?.set(path === null ? null : { path });
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (textBoxPath(event.relatedTarget) === null) store?.set(null);
    },
  };
}
