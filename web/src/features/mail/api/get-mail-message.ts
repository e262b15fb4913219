import type { MailMessage } from '@contracts/mail.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getMailMessage = (id: string) => api.get<MailMessage>(`/mail/messages/${id}`);

export const useMailMessage = (id: string) => useQuery({ queryKey: ['mail', 'message', id], queryFn: () => getMailMessage(id) });
