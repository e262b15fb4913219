CREATE TABLE "status_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"view_count" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	CONSTRAINT "status_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"client_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversations_absence_client" UNIQUE NULLS NOT DISTINCT("absence_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "coverage_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"client_id" uuid,
	"kind" text NOT NULL,
	"message_id" uuid,
	"thread_id" uuid,
	"from_address" text,
	"from_name" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'other' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"assignee_id" uuid NOT NULL,
	"assignee_role" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"second_due_at" timestamp with time zone,
	"sla_warned_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"first_responder_id" uuid,
	"outcome" text,
	"outcome_note" text,
	"follow_up_on" date,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"signals" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_messages" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"routed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"client_id" uuid,
	"rule" text NOT NULL,
	"target" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution_note" text
);
--> statement-breakpoint
ALTER TABLE "status_links" ADD CONSTRAINT "status_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_links" ADD CONSTRAINT "status_links_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_links" ADD CONSTRAINT "status_links_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_activities" ADD CONSTRAINT "coverage_activities_contact_id_coverage_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."coverage_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_contacts" ADD CONSTRAINT "coverage_contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_contacts" ADD CONSTRAINT "coverage_contacts_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_contacts" ADD CONSTRAINT "coverage_contacts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_contacts" ADD CONSTRAINT "coverage_contacts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_contacts" ADD CONSTRAINT "coverage_contacts_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_messages" ADD CONSTRAINT "coverage_messages_contact_id_coverage_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."coverage_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_settings" ADD CONSTRAINT "coverage_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_contact_id_coverage_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."coverage_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_links_absence_client_idx" ON "status_links" USING btree ("absence_id","client_id");--> statement-breakpoint
CREATE INDEX "coverage_activities_contact" ON "coverage_activities" USING btree ("contact_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_contacts_message" ON "coverage_contacts" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "coverage_contacts_assignee_queue" ON "coverage_contacts" USING btree ("workspace_id","assignee_id","state","due_at");--> statement-breakpoint
CREATE INDEX "coverage_contacts_absence_client" ON "coverage_contacts" USING btree ("absence_id","client_id");--> statement-breakpoint
CREATE INDEX "coverage_contacts_thread" ON "coverage_contacts" USING btree ("workspace_id","thread_id");--> statement-breakpoint
CREATE INDEX "coverage_messages_contact" ON "coverage_messages" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_contact_rule_target" ON "escalations" USING btree ("contact_id","rule","target");--> statement-breakpoint
CREATE INDEX "escalations_workspace_state" ON "escalations" USING btree ("workspace_id","state","created_at");--> statement-breakpoint
CREATE INDEX "escalations_recipient" ON "escalations" USING btree ("recipient_id","state");