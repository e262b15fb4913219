import type { Escalation, EscalationState } from '@contracts/coverage.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type EscalationFilter = EscalationState | 'all';

export const getEscalations = (state: EscalationFilter) =>
  api.get<{ escalations: Escalation[] }>(`/coverage/escalations?state=${state}`).then((response) => response.escalations);

export const useEscalations = (state: EscalationFilter) =>
  useQuery({ queryKey: ['coverage', 'escalations', state], queryFn: () => getEscalations(state), refetchInterval: 60_000 });
