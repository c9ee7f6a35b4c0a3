import * as React from 'react';

export interface AsyncResource<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Loads something when `key` changes (and on `reload`), keeping the last answer while the same key
 * reloads and ignoring answers of superseded requests. `key` null means "nothing to load".
 */
export const useAsyncResource = <T>(
  key: string | null,
  load: () => Promise<T>
): AsyncResource<T> => {
  const [state, setState] = React.useState<{
    key: string | null;
    data?: T;
    error?: unknown;
    isLoading: boolean;
  }>({
    key,
    isLoading: key !== null,
  });
  const [generation, setGeneration] = React.useState(0);
  const loadRef = React.useRef(load);
  loadRef.current = load;

  React.useEffect(() => {
    if (key === null) {
      setState({ key, isLoading: false });
      return;
    }
    let current = true;
    setState((previous) =>
      previous.key === key ? { ...previous, isLoading: true } : { key, isLoading: true }
    );
    loadRef.current().then(
      (data) => current && setState({ key, data, isLoading: false }),
      (error) =>
        current &&
        setState((previous) => ({
          key,
          data: previous.key === key ? previous.data : undefined,
          error,
          isLoading: false,
        }))
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = React.useCallback(() => setGeneration((value) => value + 1), []);
  // Until the effect of a new key has run, the previous key's answer is not shown.
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : undefined,
    error: fresh ? state.error : undefined,
    isLoading: fresh ? state.isLoading : key !== null,
    reload,
  };
};
