CREATE TABLE "debrief_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"debrief_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"respondent_id" uuid NOT NULL,
	"respondent_role" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "debrief_answers_question_respondent" UNIQUE("debrief_id","question_id","respondent_id")
);
--> statement-breakpoint
CREATE TABLE "debrief_delegates" (
	"debrief_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "debrief_delegates_user" UNIQUE("debrief_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "debrief_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"debrief_id" uuid NOT NULL,
	"category" text NOT NULL,
	"client_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"reason_learned" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL,
	CONSTRAINT "debrief_findings_reason" CHECK (("debrief_findings"."category" = 'deliberate') = ("debrief_findings"."reason_learned" IS NOT NULL AND length("debrief_findings"."reason_learned") > 0))
);
--> statement-breakpoint
CREATE TABLE "debriefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"guide_version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"clients" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"concluded_by" uuid,
	"concluded_at" timestamp with time zone,
	CONSTRAINT "debriefs_absence" UNIQUE("absence_id")
);
--> statement-breakpoint
ALTER TABLE "debrief_answers" ADD CONSTRAINT "debrief_answers_debrief_id_debriefs_id_fk" FOREIGN KEY ("debrief_id") REFERENCES "public"."debriefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_answers" ADD CONSTRAINT "debrief_answers_respondent_id_users_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_delegates" ADD CONSTRAINT "debrief_delegates_debrief_id_debriefs_id_fk" FOREIGN KEY ("debrief_id") REFERENCES "public"."debriefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_delegates" ADD CONSTRAINT "debrief_delegates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_findings" ADD CONSTRAINT "debrief_findings_debrief_id_debriefs_id_fk" FOREIGN KEY ("debrief_id") REFERENCES "public"."debriefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_findings" ADD CONSTRAINT "debrief_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debrief_findings_debrief" ON "debrief_findings" USING btree ("debrief_id","created_at");