import type { LogRecoveryCallInput, RecoveryTaskDetail, SendRecoveryMessageInput } from '@contracts/recovery.contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myTasksKey } from './get-recovery-tasks';

export const recoveryTaskKey = (taskId: string) => ['recovery', 'task', taskId] as const;
const taskPath = (taskId: string) => `/recovery/tasks/${encodeURIComponent(taskId)}`;

export const getRecoveryTask = (taskId: string) => api.get<RecoveryTaskDetail>(taskPath(taskId));
export const logRecoveryCall = (taskId: string, input: LogRecoveryCallInput) =>
  api.post<RecoveryTaskDetail>(`${taskPath(taskId)}/calls`, input);
export const sendRecoveryMessage = (taskId: string, input: SendRecoveryMessageInput) =>
  api.post<RecoveryTaskDetail>(`${taskPath(taskId)}/messages`, input);

export const useRecoveryTask = (taskId: string) => useQuery({ queryKey: recoveryTaskKey(taskId), queryFn: () => getRecoveryTask(taskId) });

/** A call or a message changes the task, the client's status, the lists and the win-back reminders. */
function useTaskMutation<V>(taskId: string, absenceId: string | undefined, fn: (input: V) => Promise<RecoveryTaskDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData(recoveryTaskKey(taskId), detail);
      await queryClient.invalidateQueries({ queryKey: myTasksKey });
      await queryClient.invalidateQueries({ queryKey: ['recovery', 'win-back'] });
      if (absenceId) await queryClient.invalidateQueries({ queryKey: ['absences', absenceId] });
    },
  });
}

export const useLogRecoveryCall = (taskId: string, absenceId?: string) =>
  useTaskMutation(taskId, absenceId, (input: LogRecoveryCallInput) => logRecoveryCall(taskId, input));
export const useSendRecoveryMessage = (taskId: string, absenceId?: string) =>
  useTaskMutation(taskId, absenceId, (input: SendRecoveryMessageInput) => sendRecoveryMessage(taskId, input));
