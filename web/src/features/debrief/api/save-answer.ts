import type { DebriefAnswer, DebriefView, SaveDebriefAnswerInput } from '@contracts/debrief.contracts';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { debriefKey } from './get-debrief';

export const saveAnswer = (debriefId: string, input: SaveDebriefAnswerInput) =>
  api.put<{ answer: DebriefAnswer | null }>(`/debriefs/${encodeURIComponent(debriefId)}/answers`, input);

/** Puts a saved answer (or its removal) into the cached debrief, so coming back to the page shows it at once. */
export function cacheAnswer(
  queryClient: QueryClient,
  absenceId: string,
  saved: { questionId: string; respondentId: string; answer: DebriefAnswer | null },
) {
  queryClient.setQueryData<DebriefView>(debriefKey(absenceId), (view) => {
    if (!view?.debrief) return view;
    const others = view.debrief.answers.filter(
      (answer) => !(answer.questionId === saved.questionId && answer.respondentId === saved.respondentId),
    );
    return { ...view, debrief: { ...view.debrief, answers: saved.answer ? [...others, saved.answer] : others } };
  });
}
