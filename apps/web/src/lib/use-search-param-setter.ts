import { useSearchParams } from 'react-router';

/**
 * Sets or clears one filter in the address, keeping the others; it replaces the history entry,
 * so the back button leaves the list instead of stepping through every keystroke.
 */
export function useSearchParamSetter(): (name: string, value: string | null) => void {
  const [, setSearchParams] = useSearchParams();
  return (name, value) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
}
