import type { ContactDetail, OutcomeInput } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { storeContact } from './get-contact';

export const recordOutcome = (contactId: string, input: OutcomeInput) =>
  api.post<ContactDetail>(`/coverage/contacts/${contactId}/outcome`, input);

export function useRecordOutcome(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OutcomeInput) => recordOutcome(contactId, input),
    onSuccess: (contact) => storeContact(queryClient, contact),
  });
}
