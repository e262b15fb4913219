import type { AttachSender } from '@contracts/mail.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const attachSender = (messageId: string, input: AttachSender) =>
  api.post<{ clientId: string; rematched: number }>(`/mail/messages/${messageId}/attach-sender`, input);

export function useAttachSender(messageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttachSender) => attachSender(messageId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mail'] }),
  });
}
