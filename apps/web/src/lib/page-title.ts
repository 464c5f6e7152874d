import { useEffect } from 'react';

/** A screen's name as the browser tab shows it. */
export function pageTitle(title: string): string {
  return title ? `${title} – Yhdessä` : 'Yhdessä';
}

/** Every screen names itself in the browser tab and for screen readers (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}
