-- Attachments are read from the message's raw copy when downloaded: their bytes were stored twice.
ALTER TABLE "mail_attachments" DROP COLUMN "content";--> statement-breakpoint
-- Raw messages are the bulk of what ingestion writes. lz4 compresses them several times faster than PostgreSQL's
-- default pglz (measured: about a third less server CPU per ingested message). Only where the server was built with
-- lz4: PGlite and some PostgreSQL builds were not, and keep pglz.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "mail_raw" ALTER COLUMN "content" SET COMPRESSION lz4;
  END IF;
END
$$;
