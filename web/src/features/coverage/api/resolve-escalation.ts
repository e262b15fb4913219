import type { Escalation } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const resolveEscalation = (escalationId: string, note: string) =>
  api.post<Escalation>(`/coverage/escalations/${escalationId}/resolve`, { note });

export function useResolveEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ escalationId, note }: { escalationId: string; note: string }) => resolveEscalation(escalationId, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['coverage'] }),
  });
}
