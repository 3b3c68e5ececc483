"use client";

import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  type FocusEvent,
  type ReactNode,
} from "react";
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

/**
 * Leaving a box takes effect this long after the blur: a click that leaves it
 * (blur on mouse down) must land on what was under the pointer, before the
 * findings that waited and the released heights move the page (issue 13).
 */
export const LEAVE_DELAY_MS = 300;

/** Focus handlers for the form element: they keep track of the focused text box. */
export function useTextEditingHandlers() {
  const store = useContext(TextEditingContext)?.store;
  const leaving = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(leaving.current), []);
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const path = textBoxPath(event.target);
      if (path === null) return; // a radio or button: the blur below takes care of it
      window.clearTimeout(leaving.current);
      store?.set({ path });
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (textBoxPath(event.relatedTarget) !== null) return;
      window.clearTimeout(leaving.current);
      leaving.current = window.setTimeout(() => store?.set(null), LEAVE_DELAY_MS);
    },
  };
}
