import type { Acknowledgement, BriefContent, BriefDetail, BriefQuestion, ReviewReadBack } from '@contracts/briefs.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { briefKey } from './get-brief';

export const saveBrief = (briefId: string, content: BriefContent) =>
  api.patch<{ versionCreated: boolean; version: number; detail: BriefDetail }>(`/briefs/${encodeURIComponent(briefId)}`, { content });
export const acknowledgeBrief = (briefId: string, input: { version: number; contentHash: string; readBack: string | null }) =>
  api.post<Acknowledgement>(`/briefs/${encodeURIComponent(briefId)}/acknowledgements`, input);
export const reviewReadBack = (acknowledgementId: string, input: { decision: ReviewReadBack['decision']; note: string | null }) =>
  api.post<{ ok: true }>(`/acknowledgements/${encodeURIComponent(acknowledgementId)}/review`, input);
export const askQuestion = (briefId: string, question: string) =>
  api.post<BriefQuestion>(`/briefs/${encodeURIComponent(briefId)}/questions`, { question });
export const answerQuestion = (questionId: string, answer: string) =>
  api.post<BriefQuestion>(`/brief-questions/${encodeURIComponent(questionId)}/answer`, { answer });

/** Every change to a brief refreshes it, and the absence's list and readiness. */
export function useBriefMutation<T, V>(briefId: string, absenceId: string, fn: (input: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: briefKey(briefId) });
      await queryClient.invalidateQueries({ queryKey: ['absences', absenceId] });
    },
  });
}
