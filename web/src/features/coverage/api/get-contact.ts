import type { ContactDetail } from '@contracts/coverage.contracts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const contactQueryKey = (contactId: string) => ['coverage', 'contact', contactId] as const;

export const getContact = (contactId: string) => api.get<ContactDetail>(`/coverage/contacts/${contactId}`);

export const useContact = (contactId: string) => useQuery({ queryKey: contactQueryKey(contactId), queryFn: () => getContact(contactId) });

/** Every write on a contact answers with the contact: show it at once, and let the queue and escalations catch up. */
export function storeContact(queryClient: QueryClient, contact: ContactDetail) {
  queryClient.setQueryData(contactQueryKey(contact.id), contact);
  void queryClient.invalidateQueries({ queryKey: ['coverage', 'queue'] });
  void queryClient.invalidateQueries({ queryKey: ['coverage', 'escalations'] });
}
