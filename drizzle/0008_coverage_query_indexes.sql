DROP INDEX "coverage_contacts_assignee_queue";--> statement-breakpoint
DROP INDEX "coverage_contacts_thread";--> statement-breakpoint
CREATE INDEX "coverage_contacts_queue" ON "coverage_contacts" USING btree ("workspace_id","state","due_at","received_at");--> statement-breakpoint
CREATE INDEX "coverage_contacts_thread" ON "coverage_contacts" USING btree ("absence_id","thread_id","state","received_at");