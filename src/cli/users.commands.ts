import type { Command } from 'commander';
import { z } from 'zod';
import { emailSchema, languageSchema, passwordSchema, roleSchema } from '../contracts/workspaces.contracts';
import { reportCliError, withBaton } from './cli-context';

const createUserOptions = z.object({
  workspace: z.string().min(1),
  email: emailSchema,
  name: z.string().min(1),
  role: roleSchema,
  language: languageSchema,
  password: passwordSchema,
});

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description('Create a user; creates the workspace too when no workspace has that slug')
    .requiredOption('--workspace <slug>', 'workspace slug (created if missing)')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role>', 'admin, manager or member', 'member')
    .option('--language <language>', 'en or it', 'en')
    .option('--password <password>', 'password (at least 10 characters); read from BATON_PASSWORD when omitted')
    .action((options: Record<string, string>) => {
      const parsed = createUserOptions.safeParse({ ...options, password: options.password ?? process.env.BATON_PASSWORD });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
        process.exit(2);
      }
      const input = parsed.data;
      return withBaton(async ({ deps }) => {
        const workspace =
          (await deps.workspacesRepository.workspaceBySlug(input.workspace)) ??
          (await deps.members.createWorkspace({ name: input.workspace, slug: input.workspace, defaultLanguage: input.language }));
        const created = await deps.members.createUser({ ...input, workspaceId: workspace.id });
        console.log(`Created ${created.role} ${created.email} in workspace ${workspace.slug}.`);
      }).catch(reportCliError);
    });
}
