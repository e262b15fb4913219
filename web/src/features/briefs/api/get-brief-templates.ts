import type { BriefTemplate } from '@contracts/briefs.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const briefTemplatesKey = ['brief-templates'] as const;

/** The workspace's brief templates, oldest first (the oldest pre-fills new briefs). */
export const getBriefTemplates = () => api.get<BriefTemplate[]>('/brief-templates');

export const useBriefTemplates = () => useQuery({ queryKey: briefTemplatesKey, queryFn: getBriefTemplates });
