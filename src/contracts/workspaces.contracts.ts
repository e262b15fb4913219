import { z } from 'zod';
import { isoDateTime } from './common.contracts';

export const languages = ['en', 'it'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const roles = ['admin', 'manager', 'member'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time such as 09:00' });

export const businessHoursSchema = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: timeOfDay,
    end: timeOfDay,
    /** Holidays as YYYY-MM-DD in the workspace time zone. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-12-25' })).max(366),
  })
  .refine((hours) => hours.start < hours.end, { message: 'business hours must end after they start', path: ['end'] });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const timezoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Rome' },
);

export const emailSchema = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' });

export const workspaceSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  defaultLanguage: languageSchema,
  businessHours: businessHoursSchema,
  isDemo: z.boolean(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const updateWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    timezone: timezoneSchema,
    defaultLanguage: languageSchema,
    businessHours: businessHoursSchema,
  })
  .partial()
  .strict();
export type UpdateWorkspace = z.infer<typeof updateWorkspaceSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  language: languageSchema,
  disabled: z.boolean(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) }).strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.object({
  user: userSchema,
  workspace: workspaceSchema,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const updateProfileSchema = z
  .object({ name: z.string().trim().min(1).max(120), language: languageSchema })
  .partial()
  .strict();

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }).strict();

export const updateUserSchema = z.object({ role: roleSchema, disabled: z.boolean() }).partial().strict();

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  language: languageSchema,
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema, language: languageSchema }).strict();

export const invitationPreviewSchema = z.object({ email: z.string(), workspaceName: z.string(), language: languageSchema });

export const acceptInvitationSchema = z
  .object({ token: z.string().min(20).max(200), name: z.string().trim().min(1).max(120), password: passwordSchema })
  .strict();

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export const createApiTokenSchema = z.object({ name: z.string().trim().min(1).max(80) }).strict();
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string().describe('shown once') });
