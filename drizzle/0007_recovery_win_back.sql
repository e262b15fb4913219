CREATE TABLE "recovery_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"retry_on" date,
	"lost_reason" text,
	"called_by" uuid,
	"called_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"outbox_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"from_address" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"in_reply_to" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"win_back_days" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recovery_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_outcome" text,
	"last_called_at" timestamp with time zone,
	"retry_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "recovery_tasks_absence_client" UNIQUE("absence_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "win_back_cadences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"owner_id" uuid,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_status" text
);
--> statement-breakpoint
CREATE TABLE "win_back_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"cadence_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"notified_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text,
	CONSTRAINT "win_back_reminders_cadence_day" UNIQUE("cadence_id","day")
);
--> statement-breakpoint
ALTER TABLE "recovery_calls" ADD CONSTRAINT "recovery_calls_task_id_recovery_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."recovery_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_messages" ADD CONSTRAINT "recovery_messages_task_id_recovery_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."recovery_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_settings" ADD CONSTRAINT "recovery_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_tasks" ADD CONSTRAINT "recovery_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_back_cadences" ADD CONSTRAINT "win_back_cadences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_back_cadences" ADD CONSTRAINT "win_back_cadences_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_back_cadences" ADD CONSTRAINT "win_back_cadences_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "win_back_reminders" ADD CONSTRAINT "win_back_reminders_cadence_id_win_back_cadences_id_fk" FOREIGN KEY ("cadence_id") REFERENCES "public"."win_back_cadences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_calls_task" ON "recovery_calls" USING btree ("task_id","called_at");--> statement-breakpoint
CREATE INDEX "recovery_messages_task" ON "recovery_messages" USING btree ("task_id","sent_at");--> statement-breakpoint
CREATE INDEX "recovery_tasks_owner_state" ON "recovery_tasks" USING btree ("workspace_id","owner_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "win_back_cadences_running" ON "win_back_cadences" USING btree ("client_id") WHERE "win_back_cadences"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "win_back_cadences_owner" ON "win_back_cadences" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "win_back_reminders_cadence" ON "win_back_reminders" USING btree ("cadence_id");