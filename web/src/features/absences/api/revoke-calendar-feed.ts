import type { CalendarFeed } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { calendarFeedsQueryKey } from './get-calendar-feeds';

export const revokeCalendarFeed = (feedId: string) => api.delete<CalendarFeed>(`/calendar-feeds/${encodeURIComponent(feedId)}`);

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedsQueryKey }),
  });
}
