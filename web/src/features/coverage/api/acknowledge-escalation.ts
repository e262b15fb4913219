import type { Escalation } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const acknowledgeEscalation = (escalationId: string) => api.post<Escalation>(`/coverage/escalations/${escalationId}/acknowledge`);

export function useAcknowledgeEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeEscalation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['coverage'] }),
  });
}
