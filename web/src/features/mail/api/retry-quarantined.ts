import type { IngestOutcome } from '@contracts/mail.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const retryQuarantined = (messageId: string) => api.post<IngestOutcome>(`/mail/messages/${messageId}/retry`);

export function useRetryQuarantined(messageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryQuarantined(messageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mail'] }),
  });
}
