import { z } from 'zod';
import { clientStatuses, clientTiers } from './clients.contracts';
import { isoDateTime } from './common.contracts';
import { contactSummarySchema } from './coverage.contracts';

export const riskReasons = [
  'key_account',
  'unanswered',
  'no_information',
  'cancellation_intent',
  'anger',
  'repeat_contacts',
  'sla_breaches',
  'waiting_for_owner',
  'long_wait',
  'at_risk',
  'lost',
] as const;

const counts = z.object({
  contacts: z.number().int(),
  emails: z.number().int(),
  calls: z.number().int(),
  messages: z.number().int(),
  answered: z.number().int(),
  open: z.number().int(),
  waitingForOwner: z.number().int(),
  noInformation: z.number().int(),
  escalations: z.number().int(),
  autoReplies: z.number().int(),
  statusLinkViews: z.number().int(),
});
export type BriefingCounts = z.infer<typeof counts>;

export const briefingClientSchema = z.object({
  clientId: z.uuid(),
  name: z.string(),
  tier: z.enum(clientTiers),
  status: z.enum(clientStatuses),
  language: z.enum(['en', 'it']),
  rank: z.number().int(),
  score: z.number(),
  reasons: z.array(z.object({ reason: z.enum(riskReasons), points: z.number(), count: z.number().int().optional() })),
  counts,
  /** Median minutes from a contact to its first response, over the answered ones (null: none answered). */
  medianFirstResponseMinutes: z.number().nullable(),
  longestWaitHours: z.number(),
  signals: z.object({ angry: z.boolean(), cancellationIntent: z.boolean(), urgent: z.boolean(), evidence: z.array(z.string()) }),
  handledBy: z.array(z.object({ id: z.uuid(), name: z.string() })),
  contacts: z.array(contactSummarySchema),
});
export type BriefingClient = z.infer<typeof briefingClientSchema>;

export const returnBriefingSchema = z.object({
  absenceId: z.uuid(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  state: z.enum(['active', 'returned', 'closed']),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  returnedAt: isoDateTime.nullable(),
  totals: counts.extend({ medianFirstResponseMinutes: z.number().nullable(), clientsWithContacts: z.number().int() }),
  clients: z.array(briefingClientSchema),
});
export type ReturnBriefing = z.infer<typeof returnBriefingSchema>;
