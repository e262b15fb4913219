import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Language } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { Outbox } from '../outbox/outbox.usecases';
import { notifications } from './notifications.schema';

export type Recipient = { id: string; email: string; language: Language };

/** A notification rendered by its domain in the recipient's language. */
export type NotificationMessage = {
  kind: string;
  subject: string;
  text: string;
  /** Path in the web UI (`/absences/…`); the mail carries it as a full link. */
  link: string;
  data?: Record<string, string | number | null>;
};

/**
 * Tells a person something happened: an in-app notification and a mail through the outbox, both
 * written in the caller's transaction so they exist exactly when the change does.
 */
export function createNotifier({ clock, outbox, baseUrl }: { clock: Clock; outbox: Outbox; baseUrl: string }) {
  return {
    async notify(tx: Db, workspaceId: string, recipient: Recipient, message: (language: Language) => NotificationMessage) {
      const rendered = message(recipient.language);
      await tx.insert(notifications).values({
        workspaceId,
        userId: recipient.id,
        kind: rendered.kind,
        data: { subject: rendered.subject, ...(rendered.data ?? {}) },
        link: rendered.link,
        createdAt: clock.now(),
      });
      await outbox.queue(tx, {
        workspaceId,
        kind: `notification.${rendered.kind}`,
        to: recipient.email,
        language: recipient.language,
        subject: rendered.subject,
        text: `${rendered.text}\n\n${baseUrl}${rendered.link}\n\n— Baton`,
      });
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

export function createNotificationsRepository({ db }: { db: Db }) {
  return {
    listForUser: (workspaceId: string, userId: string, limit: number) =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)))
        .orderBy(desc(notifications.createdAt))
        .limit(limit),
    async markRead(workspaceId: string, userId: string, id: string, now: Date) {
      const [row] = await db
        .update(notifications)
        .set({ readAt: now })
        .where(
          and(
            eq(notifications.workspaceId, workspaceId),
            eq(notifications.userId, userId),
            eq(notifications.id, id),
            isNull(notifications.readAt),
          ),
        )
        .returning();
      return row ?? null;
    },
    markAllRead: (workspaceId: string, userId: string, now: Date) =>
      db
        .update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt))),
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
