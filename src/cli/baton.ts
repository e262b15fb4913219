#!/usr/bin/env node
import { Command } from 'commander';
import { BATON_VERSION } from '../app/version';
import { registerAbsencesCommands } from './absences.commands';
import { registerAuditCommands } from './audit.commands';
import { registerAutoReplyCommands } from './autoreply.commands';
import { registerDatabaseCommands } from './database.commands';
import { registerImportCommands } from './import.commands';
import { registerMailCommands } from './mail.commands';
import { registerReportCommands } from './report.commands';
import { registerSignalsCommands } from './signals.commands';
import { registerStartCommand } from './start.command';
import { registerUserCommands } from './users.commands';

const program = new Command('baton')
  .description('Baton: hand clients over during an absence — verifiable, covered, recoverable.')
  .version(BATON_VERSION)
  .showHelpAfterError();

registerStartCommand(program);
registerDatabaseCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerAutoReplyCommands(program);
registerImportCommands(program);
registerAbsencesCommands(program);
registerMailCommands(program);
registerSignalsCommands(program);
registerReportCommands(program);

await program.parseAsync(process.argv);
