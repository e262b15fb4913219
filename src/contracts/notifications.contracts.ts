import { z } from 'zod';
import { isoDateTime } from './common.contracts';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  subject: z.string(),
  link: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: isoDateTime,
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;
