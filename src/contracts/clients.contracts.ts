import { z } from 'zod';
import { emailSchema, languageSchema } from './workspaces.contracts';

export const clientTiers = ['key', 'standard'] as const;
export type ClientTier = (typeof clientTiers)[number];
export const clientStatuses = ['active', 'at_risk', 'lost', 'won_back'] as const;
export type ClientStatus = (typeof clientStatuses)[number];
export const projectStatuses = ['planned', 'active', 'on_hold', 'done'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });
const requiredText = (max: number) => trimmed(max).min(1, { message: 'must not be empty' });

/** A mail domain as typed by a person: `www.`, a scheme or a path are stripped, the rest must be a hostname. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) =>
    value
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/^www\./, ''),
  )
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'must be a domain such as acme.com' }),
  );

export const clientSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  tier: z.enum(clientTiers),
  status: z.enum(clientStatuses),
  language: languageSchema,
  ownerId: z.uuid().nullable(),
  domains: z.array(z.string()),
  archived: z.boolean(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/** GET /api/clients: all filters optional; without `limit` every matching client is returned. The total is in `x-total-count`. */
export const listClientsQuerySchema = z.object({
  q: trimmed(200).optional(),
  tier: z.enum(clientTiers).optional(),
  status: z.enum(clientStatuses).optional(),
  ownerId: z.uuid({ message: 'must be a user id' }).optional(),
  includeArchived: booleanQuery,
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type ListClientsQuery = z.input<typeof listClientsQuerySchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
});
export type Contact = z.infer<typeof contactSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(projectStatuses),
  ownerId: z.uuid().nullable(),
});
export type Project = z.infer<typeof projectSchema>;

export const statusChangeSchema = z.object({
  id: z.uuid(),
  fromStatus: z.enum(clientStatuses).nullable(),
  toStatus: z.enum(clientStatuses),
  reason: z.string(),
  changedBy: z.uuid().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const clientDetailSchema = clientSummarySchema.extend({
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
  contacts: z.array(contactSchema),
  projects: z.array(projectSchema),
  statusHistory: z.array(statusChangeSchema),
  /** Whether the caller may edit (owner, manager or admin). */
  canEdit: z.boolean(),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

const phoneSchema = requiredText(40).regex(/^[+()0-9 .\-/]*\d[+()0-9 .\-/]*(?:\s*(?:x|ext\.?)\s*\d+)?$/i, {
  message: 'must be a phone number such as +39 02 555 0100',
});

export const contactInputSchema = z.object({
  name: requiredText(200),
  role: trimmed(200).default(''),
  emails: z.array(emailSchema).max(10).default([]),
  phones: z.array(phoneSchema).max(10).default([]),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export const updateContactSchema = contactInputSchema
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'change at least one field' });

export const projectInputSchema = z.object({
  name: requiredText(200),
  status: z.enum(projectStatuses).default('active'),
  ownerId: z.uuid().nullable().optional(),
});
export type ProjectInput = z.input<typeof projectInputSchema>;
export const updateProjectSchema = z
  .object({ name: requiredText(200), status: z.enum(projectStatuses), ownerId: z.uuid().nullable() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'change at least one field' });

export const createClientSchema = z.object({
  name: requiredText(200),
  tier: z.enum(clientTiers).default('standard'),
  status: z.enum(clientStatuses).default('active'),
  /** Defaults to the workspace's language. */
  language: languageSchema.optional(),
  /** Defaults to the caller. */
  ownerId: z.uuid().nullable().optional(),
  notes: trimmed(10_000).default(''),
  domains: z.array(domainSchema).max(50).default([]),
  contacts: z.array(contactInputSchema).max(50).default([]),
});
export type CreateClientInput = z.input<typeof createClientSchema>;

export const updateClientSchema = z
  .object({
    name: requiredText(200),
    tier: z.enum(clientTiers),
    language: languageSchema,
    ownerId: z.uuid().nullable(),
    notes: trimmed(10_000),
    /** The full set of domains: missing ones are removed. */
    domains: z.array(domainSchema).max(50),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'change at least one field' });
export type UpdateClientInput = z.input<typeof updateClientSchema>;

export const changeStatusSchema = z.object({
  status: z.enum(clientStatuses),
  reason: requiredText(1000).min(3, { message: 'say why in a few words' }),
});
export type ChangeStatusInput = z.input<typeof changeStatusSchema>;

// ---- CSV import ----

/** The columns Baton understands; any CSV header is mapped to one of them or ignored (null). */
export const importFields = [
  'name',
  'domains',
  'website',
  'tier',
  'status',
  'language',
  'owner_email',
  'notes',
  'contact_name',
  'contact_first_name',
  'contact_last_name',
  'contact_role',
  'contact_email',
  'contact_phone',
] as const;
export type ImportField = (typeof importFields)[number];

export const headerMappingSchema = z.record(z.string().max(500), z.enum(importFields).nullable());
export type HeaderMapping = z.infer<typeof headerMappingSchema>;

export const importRowErrorSchema = z.object({
  line: z.number().int(),
  field: z.enum(importFields).nullable(),
  code: z.string(),
  value: z.string().optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  clients: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  contactsAdded: z.number().int(),
  domainsAdded: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importStatuses = ['uploaded', 'checked', 'queued', 'validating', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const clientImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  headers: z.array(z.string()),
  suggestedMapping: headerMappingSchema,
  mapping: headerMappingSchema.nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** How many row errors there were in all (`errors` lists the first 500). */
  errorCount: z.number().int(),
  summary: importSummarySchema.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ClientImport = z.infer<typeof clientImportSchema>;

export const importMappingBodySchema = z.object({ mapping: headerMappingSchema });

export const dryRunResultSchema = z.object({
  ok: z.boolean(),
  errors: z.array(importRowErrorSchema),
  errorCount: z.number().int(),
  summary: importSummarySchema,
});
export type DryRunResult = z.infer<typeof dryRunResultSchema>;

/** Uploads are capped: 20 MB holds well over 100,000 typical CRM rows. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
