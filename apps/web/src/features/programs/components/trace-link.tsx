import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTraceHref, type Trace } from './trace';

interface TraceLinkProps {
  /** The figure as shown. */
  children: string;
  trace: Trace;
  /** What the figure is of, after the figure itself, so the link's name starts with what it shows (WCAG 2.5.3). */
  description: string;
}

/** A count that opens the rows it is made of. */
export function TraceLink({ children, trace, description }: TraceLinkProps) {
  const href = useTraceHref();
  return (
    <Anchor component={Link} to={href(trace)} replace aria-label={`${children} ${description}`} fw={600}>
      {children}
    </Anchor>
  );
}
