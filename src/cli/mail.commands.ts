import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportCliError, withBaton } from './cli-context';

type IngestOptions = { workspace?: string; mailbox?: string; json?: boolean };

/**
 * `baton mail ingest` prints one line per file: ingested, duplicate or quarantined (with the reason).
 * Exit codes: 0 when every file was taken care of (a quarantined message is stored, not lost); 1 when a file
 * could not be read or Baton failed to store it (it is reported and the other files still run); 2 for a usage
 * error (unknown workspace or mailbox, an ambiguous address).
 */
export function registerMailCommands(program: Command) {
  const mail = program.command('mail').description('Client mail: mailboxes and raw message ingestion');

  mail
    .command('ingest')
    .description('Ingest raw RFC 822 messages (.eml files) into a mailbox, as if delivered to it; the server sends auto-replies')
    .argument('<files...>', 'message files')
    .option('--workspace <slug>', 'the workspace (needed when several have a mailbox with this address)')
    .option('--mailbox <address>', 'the mailbox address or alias (may be left out when the workspace has one mailbox)')
    .option('--json', 'print one JSON object per file')
    .action((files: string[], options: IngestOptions) =>
      withBaton(async ({ deps }) => {
        const workspaces = await deps.workspacesRepository.listWorkspaces();
        const workspace = options.workspace ? workspaces.find((entry) => entry.slug === options.workspace) : undefined;
        if (options.workspace && !workspace) return usageError(`No workspace with slug ${options.workspace}`);
        const candidates = options.mailbox
          ? await deps.mail.mailRepository.mailboxesByAddress(options.mailbox.trim().toLowerCase(), workspace?.id)
          : workspace
            ? await deps.mail.mailRepository.listMailboxes(workspace.id)
            : [];
        if (candidates.length === 0)
          return usageError(
            options.mailbox
              ? `No mailbox ${options.mailbox}${workspace ? ` in ${workspace.slug}` : ''}`
              : 'Name the mailbox: --mailbox ADDRESS',
          );
        if (candidates.length > 1)
          return usageError(
            options.mailbox
              ? `Several workspaces have a mailbox ${options.mailbox}: add --workspace SLUG`
              : 'The workspace has several mailboxes: add --mailbox ADDRESS',
          );
        const [mailbox] = candidates;
        if (!mailbox) return;
        let failed = 0;
        for (const file of files) {
          try {
            const raw = await readFile(file);
            const result = await deps.mail.ingestion.ingestRawMessage({
              workspaceId: mailbox.workspaceId,
              mailboxId: mailbox.id,
              raw,
              receivedAt: deps.clock.now(),
            });
            print(options, { file, ...result });
          } catch (error) {
            failed += 1;
            print(options, { file, outcome: 'error', reason: error instanceof Error ? error.message : String(error) });
          }
        }
        if (failed > 0) process.exitCode = 1;
      }).catch(reportCliError),
    );

  mail
    .command('mailbox')
    .description('Add a mailbox for a user: the address Baton reads for them, and their aliases')
    .requiredOption('--workspace <slug>', 'the workspace')
    .requiredOption('--owner <email>', 'the user who owns the mailbox')
    .requiredOption('--address <address>', 'the mailbox address')
    .option('--alias <address...>', 'other addresses of the owner')
    .action((options: { workspace: string; owner: string; address: string; alias?: string[] }) =>
      withBaton(async ({ deps }) => {
        const workspace = await deps.workspacesRepository.workspaceBySlug(options.workspace);
        if (!workspace) return usageError(`No workspace with slug ${options.workspace}`);
        const owner = await deps.workspacesRepository.userByEmail(options.owner);
        if (!owner || owner.workspaceId !== workspace.id) return usageError(`No user ${options.owner} in ${workspace.slug}`);
        const row = await deps.mail.mailboxes.create(
          { user: owner, workspace, session: null },
          { address: options.address.toLowerCase(), aliases: (options.alias ?? []).map((alias) => alias.toLowerCase()) },
        );
        console.log(`Added mailbox ${row.address} for ${owner.email} in ${workspace.slug}`);
      }).catch(reportCliError),
    );

  mail
    .command('imap')
    .description('Read a mailbox over IMAP: server and login (password from BATON_IMAP_PASSWORD, stored encrypted); polling starts')
    .requiredOption('--workspace <slug>', 'the workspace')
    .requiredOption('--mailbox <address>', 'the mailbox address')
    .requiredOption('--host <host>', 'the IMAP server')
    .option('--port <port>', 'the IMAP port (993 with --tls, else 143)')
    .option('--tls', 'TLS from the first byte (IMAPS)')
    .requiredOption('--user <username>', 'the IMAP login')
    .option('--folder <folder>', 'the folder to read', 'INBOX')
    .action((options: { workspace: string; mailbox: string; host: string; port?: string; tls?: boolean; user: string; folder: string }) =>
      withBaton(async ({ deps }) => {
        const password = process.env.BATON_IMAP_PASSWORD;
        if (!password) return usageError('Set BATON_IMAP_PASSWORD to the IMAP password (it is not taken on the command line)');
        const port = Number(options.port ?? (options.tls ? 993 : 143));
        if (!Number.isInteger(port) || port < 1 || port > 65535) return usageError(`--port must be a port number`);
        const workspace = await deps.workspacesRepository.workspaceBySlug(options.workspace);
        if (!workspace) return usageError(`No workspace with slug ${options.workspace}`);
        const [mailbox] = await deps.mail.mailRepository.mailboxesByAddress(options.mailbox.trim().toLowerCase(), workspace.id);
        if (!mailbox) return usageError(`No mailbox ${options.mailbox} in ${workspace.slug}`);
        await deps.mail.imap.configureImap(
          workspace.id,
          mailbox.id,
          { host: options.host, port, secure: options.tls === true, username: options.user, password, folder: options.folder },
          null,
        );
        console.log(`IMAP configured for ${mailbox.address}: ${options.user}@${options.host}:${port}/${options.folder}`);
      }).catch(reportCliError),
    );

  mail
    .command('sync')
    .description('Read what is new in an IMAP mailbox now (the server also polls it every IMAP_POLL_SECONDS)')
    .requiredOption('--mailbox <address>', 'the mailbox address')
    .option('--workspace <slug>', 'the workspace (needed when several have a mailbox with this address)')
    .option('--json', 'print the result as JSON')
    .action((options: { mailbox: string; workspace?: string; json?: boolean }) =>
      withBaton(async ({ deps }) => {
        const workspace = options.workspace ? await deps.workspacesRepository.workspaceBySlug(options.workspace) : null;
        if (options.workspace && !workspace) return usageError(`No workspace with slug ${options.workspace}`);
        const candidates = (await deps.mail.mailRepository.mailboxesByAddress(options.mailbox.trim().toLowerCase(), workspace?.id)).filter(
          (row) => row.kind === 'imap',
        );
        if (candidates.length === 0) return usageError(`No IMAP mailbox ${options.mailbox}: configure it with baton mail imap`);
        if (candidates.length > 1) return usageError(`Several workspaces have a mailbox ${options.mailbox}: add --workspace SLUG`);
        const [mailbox] = candidates;
        if (!mailbox) return;
        const result = await deps.mail.imap.syncImapMailbox(mailbox.workspaceId, mailbox.id);
        if (options.json) console.log(JSON.stringify(result));
        else if (result.status === 'busy') console.log(`${mailbox.address}: another sync of this mailbox is running`);
        else
          console.log(
            `${mailbox.address}: ${result.status}, ${result.fetched} fetched, ${result.ingested} ingested, ${result.duplicates} duplicates, ${result.quarantined} quarantined${result.error ? ` — ${result.error}` : ''}`,
          );
        if (result.status === 'failed') process.exitCode = 1;
      }).catch(reportCliError),
    );
}

function usageError(message: string) {
  console.error(message);
  process.exitCode = 2;
}

function print(options: IngestOptions, line: { file: string; outcome: string; messageId?: string; reason?: string | undefined }) {
  if (options.json) console.log(JSON.stringify(line));
  else console.log([line.outcome, line.file, line.messageId ?? '', line.reason ?? ''].filter(Boolean).join('\t'));
}
