/** Every table of Baton, for Drizzle's typed queries and for drizzle-kit's migration generator. */
export * from '../platform/jobs/jobs.schema';
export * from './absences/absences.schema';
export * from './absences/status-links.schema';
export * from './audit/audit.schema';
export * from './clients/clients.schema';
export * from './coverage/coverage.schema';
export * from './mail/mail.schema';
export * from './notifications/notifications.schema';
export * from './outbox/outbox.schema';
export * from './recovery/recovery.schema';
export * from './reports/debrief.schema';
export * from './reports/report.schema';
export * from './webhooks/webhooks.schema';
export * from './workspaces/workspaces.schema';
