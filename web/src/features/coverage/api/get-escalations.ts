import type { Escalation, EscalationState } from '@contracts/coverage.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `unresolved`: open and acknowledged together, so acknowledging one does not make it vanish from the list. */
export type EscalationFilter = EscalationState | 'all' | 'unresolved';

export const getEscalations = async (state: EscalationFilter) => {
  const { escalations } = await api.get<{ escalations: Escalation[] }>(
    `/coverage/escalations?state=${state === 'unresolved' ? 'all' : state}`,
  );
  return state === 'unresolved' ? escalations.filter((escalation) => escalation.state !== 'resolved') : escalations;
};

export const useEscalations = (state: EscalationFilter) =>
  useQuery({ queryKey: ['coverage', 'escalations', state], queryFn: () => getEscalations(state), refetchInterval: 60_000 });
