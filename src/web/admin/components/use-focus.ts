import { useEffect, useRef } from 'react';

/**
 * Focuses (and scrolls to) the element once it appears: a form opened below a long list takes the user
 * and their screen reader to itself. Put the ref on a heading with tabIndex={-1}.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
