CREATE TABLE "absence_reports" (
	"absence_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"narrative_findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"narrative_saved_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"final_content" text,
	"final_hash" text,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"sent_content" text,
	"sent_hash" text,
	"sent_status" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"format" text NOT NULL,
	"viewer" text NOT NULL,
	"state" text NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"filename" text NOT NULL,
	"content" "bytea",
	"sha256" text,
	"size" integer,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "absence_reports" ADD CONSTRAINT "absence_reports_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_reports" ADD CONSTRAINT "absence_reports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_exports" ADD CONSTRAINT "report_exports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_exports" ADD CONSTRAINT "report_exports_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_exports_absence" ON "report_exports" USING btree ("absence_id","created_at");