import { useEffect, useState } from "react";

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

/** Runs `load` when `deps` change (and on `refresh`), keeping the latest answer or error. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: String((e as Error)?.message ?? e), loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure every render; `deps` say when it means something new.
  }, deps);
  return state;
}
