import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { firstScreenDrawn, isFirstScreenDrawn } from '../lib/first-screen';

interface AfterFirstScreenProps {
  /** Stands in its place until then, its size: nothing beside it moves when it comes. */
  placeholder: ReactNode;
  /** A lazy component: its code is asked for only once the first screen is drawn. */
  children: ReactNode;
}

/**
 * What the first screen can do without (a menu's popover: floating UI, focus trap, transitions) is
 * drawn, and its code fetched, once that screen is drawn: not beside it on a slow line and a slow processor.
 */
export function AfterFirstScreen({ placeholder, children }: AfterFirstScreenProps) {
  const [drawn, setDrawn] = useState(isFirstScreenDrawn);
  useEffect(() => {
    if (drawn) return undefined;
    let waiting = true;
    void firstScreenDrawn.then(() => {
      if (waiting) setDrawn(true);
    });
    return () => {
      waiting = false;
    };
  }, [drawn]);
  if (!drawn) return placeholder;
  return <Suspense fallback={placeholder}>{children}</Suspense>;
}
