import type { ContactDetail, ReplyInput } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { storeContact } from './get-contact';

export const sendReply = (contactId: string, input: ReplyInput) =>
  api.post<ContactDetail>(`/coverage/contacts/${contactId}/replies`, input);

export function useSendReply(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplyInput) => sendReply(contactId, input),
    onSuccess: (contact) => storeContact(queryClient, contact),
  });
}
