// Loads a value from the API, with a reload function for after changes.
import { useCallback, useEffect, useState } from 'preact/hooks';

export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    setError(null);
    return fn()
      .then((d) => setData(d))
      .catch((e) => setError(e));
  }, deps);
  useEffect(() => {
    setData(null);
    reload();
  }, [reload]);
  return { data, error, reload };
}
