import type { BriefContent, BriefTemplate } from '@contracts/briefs.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { briefTemplatesKey } from './get-brief-templates';

export type BriefTemplateInput = { name: string; content: BriefContent };

/** Admins and managers only (the server checks the role). */
export const createBriefTemplate = (input: BriefTemplateInput) => api.post<BriefTemplate>('/brief-templates', input);

export function useCreateBriefTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBriefTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefTemplatesKey }),
  });
}
