import { useSearchParams } from 'react-router';

/** Which rows a figure is made of: one metric's, one payer's, reached or missed; unset means all. */
export interface Trace {
  metricId?: string;
  payerId?: string;
  status?: 'reached' | 'missed';
}

const names = { metricId: 'metric', payerId: 'payer', status: 'status' } as const;

/** The figure traced in the address, if any. */
export function traceFrom(search: URLSearchParams): Trace | null {
  const status = search.get(names.status);
  const trace: Trace = {
    metricId: search.get(names.metricId) ?? undefined,
    payerId: search.get(names.payerId) ?? undefined,
    status: status === 'reached' || status === 'missed' ? status : undefined,
  };
  return trace.metricId || trace.payerId || trace.status ? trace : null;
}

/** The address of this report with a figure's rows opened (or closed, with null), the period kept. */
export function useTraceHref(): (trace: Trace | null) => string {
  const [search] = useSearchParams();
  return (trace) => {
    const next = new URLSearchParams(search);
    for (const [field, name] of Object.entries(names)) {
      const value = trace?.[field as keyof Trace];
      if (value) next.set(name, value);
      else next.delete(name);
    }
    return `?${next.toString()}`;
  };
}
