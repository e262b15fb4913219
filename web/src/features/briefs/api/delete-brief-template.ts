import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { briefTemplatesKey } from './get-brief-templates';

/** Briefs already pre-filled from the template keep their content; admins and managers only. */
export const deleteBriefTemplate = (templateId: string) => api.delete<{ ok: true }>(`/brief-templates/${encodeURIComponent(templateId)}`);

export function useDeleteBriefTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBriefTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefTemplatesKey }),
  });
}
