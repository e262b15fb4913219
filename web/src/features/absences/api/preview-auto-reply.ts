import type { AutoReplyPreview, autoReplyPreviewRequestSchema } from '@contracts/absences.contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type AutoReplyPreviewInput = z.input<typeof autoReplyPreviewRequestSchema>;

export const previewAutoReply = (input: AutoReplyPreviewInput) => api.post<AutoReplyPreview>('/absences/auto-reply/preview', input);

/** The live preview: re-rendered by the server as the texts change (the caller debounces). */
export const useAutoReplyPreview = (input: AutoReplyPreviewInput, { enabled = true } = {}) =>
  useQuery({
    enabled,
    queryKey: ['absences', 'auto-reply-preview', input],
    queryFn: () => previewAutoReply(input),
    retry: false,
    placeholderData: (previous) => previous,
  });
