import type { BlameCheckResult } from '@contracts/recovery.contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '@/lib/api-client';

export const checkBlame = (text: string) => api.post<BlameCheckResult>('/recovery/blame-check', { text });

/** The value once it has stopped changing for `ms`: a check per pause in typing, not per keystroke. */
function useSettled<T>(value: T, ms: number) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The blame check of a draft, as the owner writes it. */
export function useBlameCheck(text: string) {
  const settled = useSettled(text, 400);
  const query = useQuery({
    queryKey: ['recovery', 'blame-check', settled],
    queryFn: () => checkBlame(settled),
    enabled: settled.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const empty = text.trim().length === 0;
  return {
    findings: empty ? [] : (query.data?.findings ?? []),
    advice: empty ? null : (query.data?.advice ?? null),
    /** The findings are for the text as it was a moment ago: spans apply to `checkedText`. */
    checkedText: settled,
    pending: !empty && (settled !== text || query.isFetching),
  };
}
