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
        const row = await deps.mail.mail.createMailbox(
          { user: owner, workspace, session: null },
          { address: options.address.toLowerCase(), aliases: (options.alias ?? []).map((alias) => alias.toLowerCase()) },
        );
        console.log(`Added mailbox ${row.address} for ${owner.email} in ${workspace.slug}`);
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
