import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's h1. It takes focus when the screen opens, so that keyboard and
 * screen-reader users start at the top of what changed rather than at the link they left.
 */
export function PageHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
