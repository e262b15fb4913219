import { z } from 'zod';
import { languageSchema } from './workspaces.contracts';

export const clientTiers = ['key', 'standard'] as const;
export type ClientTier = (typeof clientTiers)[number];
export const clientStatuses = ['active', 'at_risk', 'lost', 'won_back'] as const;
export type ClientStatus = (typeof clientStatuses)[number];

export const clientSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  tier: z.enum(clientTiers),
  status: z.enum(clientStatuses),
  language: languageSchema,
  ownerId: z.uuid().nullable(),
  domains: z.array(z.string()),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;
