"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** A status that clears itself after `ms` (copy confirmations, "out of date" refusals). */
export function useTransientStatus<T>(idle: T): [T, (value: T, ms: number) => void] {
  const [status, setStatus] = useState<T>(idle);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const show = useCallback(
    (value: T, ms: number) => {
      setStatus(value);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(idle), ms);
    },
    [idle],
  );
  return [status, show];
}
