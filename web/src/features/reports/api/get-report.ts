import type { ReportView, SaveNarrativeInput } from '@contracts/report.contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const reportKey = (absenceId: string) => ['absences', absenceId, 'report'] as const;
export const reportPath = (absenceId: string) => `/absences/${encodeURIComponent(absenceId)}/report`;

export const getReport = (absenceId: string) => api.get<ReportView>(reportPath(absenceId));
export const saveNarrative = (absenceId: string, input: SaveNarrativeInput) =>
  api.put<ReportView>(`${reportPath(absenceId)}/narrative`, input);
export const finaliseReport = (absenceId: string) => api.post<ReportView>(`${reportPath(absenceId)}/finalise`);
export const sendReport = (absenceId: string) => api.post<ReportView>(`${reportPath(absenceId)}/send`);

export const useReport = (absenceId: string) =>
  useQuery({ queryKey: reportKey(absenceId), queryFn: () => getReport(absenceId), retry: false });

/** Every change answers with the whole report as it now stands. */
function useReportMutation<V>(absenceId: string, fn: (input: V) => Promise<ReportView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (view) => queryClient.setQueryData(reportKey(absenceId), view) });
}

export const useSaveNarrative = (absenceId: string) =>
  useReportMutation(absenceId, (input: SaveNarrativeInput) => saveNarrative(absenceId, input));
export const useFinaliseReport = (absenceId: string) => useReportMutation(absenceId, () => finaliseReport(absenceId));
export const useSendReport = (absenceId: string) => useReportMutation(absenceId, () => sendReport(absenceId));
