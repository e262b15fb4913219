CREATE TABLE "mail_imap_failures" (
	"mailbox_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"uid_validity" text NOT NULL,
	"uid" text NOT NULL,
	"size" integer NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"from_address" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text NOT NULL,
	"outcome" text,
	"message_id" uuid,
	"first_failed_at" timestamp with time zone NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_imap_failures_mailbox_id_uid_validity_uid_pk" PRIMARY KEY("mailbox_id","uid_validity","uid")
);
--> statement-breakpoint
ALTER TABLE "mailbox_imap" ADD COLUMN "enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "mailbox_imap" ADD COLUMN "watch_state" text;--> statement-breakpoint
ALTER TABLE "mailbox_imap" ADD COLUMN "watch_error" text;--> statement-breakpoint
ALTER TABLE "mailbox_imap" ADD COLUMN "next_retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mailbox_imap" ADD COLUMN "watch_owner" text;--> statement-breakpoint
ALTER TABLE "mailbox_imap" ADD COLUMN "watch_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_imap_failures" ADD CONSTRAINT "mail_imap_failures_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE cascade ON UPDATE no action;