import type { BriefTemplate } from '@contracts/briefs.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BriefTemplateInput } from './create-brief-template';
import { briefTemplatesKey } from './get-brief-templates';

/** Replaces the template's name and content; admins and managers only. */
export const updateBriefTemplate = ({ templateId, ...input }: BriefTemplateInput & { templateId: string }) =>
  api.patch<BriefTemplate>(`/brief-templates/${encodeURIComponent(templateId)}`, input);

export function useUpdateBriefTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBriefTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefTemplatesKey }),
  });
}
