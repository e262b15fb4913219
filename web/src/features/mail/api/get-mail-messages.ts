import type { MailMessageSummary } from '@contracts/mail.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type MailFilter = 'all' | 'unknown' | 'quarantined';

export const getMailMessages = (filter: MailFilter) => api.get<MailMessageSummary[]>(`/mail/messages?filter=${filter}&limit=100`);

export const useMailMessages = (filter: MailFilter) =>
  useQuery({ queryKey: ['mail', 'messages', filter], queryFn: () => getMailMessages(filter) });
