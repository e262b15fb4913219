import { z } from 'zod';

const line = z.string().trim().min(1).max(2000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-12-24' });

/**
 * What a delegate needs per client, after the I-PASS / SBAR handoff protocols: situation, facts,
 * actions with dates, what was promised, the answers to give, who to ask, and what not to do.
 */
export const briefContentSchema = z
  .object({
    situation: z.string().max(10_000).default(''),
    keyFacts: z.array(line).max(100).default([]),
    nextSteps: z
      .array(z.object({ text: line, due: date.nullable().default(null) }).strict())
      .max(100)
      .default([]),
    commitments: z.array(line).max(100).default([]),
    faq: z
      .array(z.object({ question: line, answer: z.string().trim().min(1).max(5000) }).strict())
      .max(200)
      .default([]),
    contacts: z
      .array(
        z
          .object({
            name: line,
            side: z.enum(['client', 'internal']),
            reachFor: z.string().max(500).default(''),
            email: z.string().max(254).default(''),
            phone: z.string().max(50).default(''),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    dos: z.array(line).max(100).default([]),
    donts: z.array(line).max(100).default([]),
    contingencies: z
      .array(z.object({ when: line, action: line }).strict())
      .max(100)
      .default([]),
    links: z
      .array(z.object({ label: line, url: z.url({ message: 'must be a full URL such as https://…' }) }).strict())
      .max(100)
      .default([]),
    clientSummary: z.string().max(5000).default(''),
  })
  .strict();
export type BriefContent = z.infer<typeof briefContentSchema>;

export const emptyBriefContent = (): BriefContent => briefContentSchema.parse({});
