CREATE TABLE "auto_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"text_id" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"queued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text,
	"content" "bytea",
	"skipped_reason" text
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"uid_validity" text,
	"uid" text,
	"raw_sha256" text NOT NULL,
	"size" integer NOT NULL,
	"status" text NOT NULL,
	"quarantine_reason" text,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message_id_header" text,
	"in_reply_to" text,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"thread_id" uuid,
	"from_address" text,
	"from_name" text DEFAULT '' NOT NULL,
	"envelope_from" text,
	"to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cc" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"text_body" text DEFAULT '' NOT NULL,
	"safe_html" text,
	"language" text DEFAULT 'other' NOT NULL,
	"client_id" uuid,
	"contact_id" uuid,
	"matched_by" text,
	"absence_id" uuid,
	"auto_reply_decision" text,
	"auto_reply_reason" text,
	"ingested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_raw" (
	"workspace_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"stored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_raw_workspace_id_sha256_pk" PRIMARY KEY("workspace_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "mail_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"auto_reply_audience" text DEFAULT 'everyone' NOT NULL,
	"auto_reply_interval_days" integer DEFAULT 7 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"address" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" text DEFAULT 'upload' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auto_replies" ADD CONSTRAINT "auto_replies_message_id_mail_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."mail_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_attachments" ADD CONSTRAINT "mail_attachments_message_id_mail_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."mail_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_raw" ADD CONSTRAINT "mail_raw_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auto_replies_message" ON "auto_replies" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "auto_replies_mailbox_sender" ON "auto_replies" USING btree ("mailbox_id","sender");--> statement-breakpoint
CREATE INDEX "mail_attachments_message_idx" ON "mail_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_messages_mailbox_dedupe" ON "mail_messages" USING btree ("mailbox_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_messages_mailbox_uid" ON "mail_messages" USING btree ("mailbox_id","uid_validity","uid") WHERE "mail_messages"."uid" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "mail_messages_workspace_received" ON "mail_messages" USING btree ("workspace_id","received_at");--> statement-breakpoint
CREATE INDEX "mail_messages_workspace_message_id" ON "mail_messages" USING btree ("workspace_id","message_id_header");--> statement-breakpoint
CREATE INDEX "mail_messages_workspace_from" ON "mail_messages" USING btree ("workspace_id","from_address");--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_workspace_address" ON "mailboxes" USING btree ("workspace_id","address");