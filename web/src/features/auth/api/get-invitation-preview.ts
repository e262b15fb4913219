import type { invitationPreviewSchema } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const getInvitationPreview = (token: string) =>
  api.get<InvitationPreview>(`/invitations/preview?token=${encodeURIComponent(token)}`);

export const useInvitationPreview = (token: string) =>
  useQuery({ queryKey: ['invitation-preview', token], queryFn: () => getInvitationPreview(token), retry: false });
