import type { CheckNarrativeResult } from '@contracts/report.contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '@/lib/api-client';
import { reportPath } from './get-report';

export const checkNarrative = (absenceId: string, text: string) =>
  api.post<CheckNarrativeResult>(`${reportPath(absenceId)}/narrative/check`, { text });

/** The value once it has stopped changing for `ms`: a check per pause in typing, not per keystroke. */
function useSettled<T>(value: T, ms: number) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The neutral-language check of the narrative as the owner writes it; the spans apply to `checkedText`. */
export function useNarrativeCheck(absenceId: string, text: string, enabled: boolean) {
  const settled = useSettled(text, 400);
  const query = useQuery({
    queryKey: ['reports', absenceId, 'check', settled],
    queryFn: () => checkNarrative(absenceId, settled),
    enabled: enabled && settled.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const empty = text.trim().length === 0;
  return {
    findings: empty ? [] : (query.data?.findings ?? []),
    checkedText: settled,
    pending: !empty && (settled !== text || query.isFetching),
  };
}
