import { defineErrors } from '../../platform/http/errors';

export const clientErrors = defineErrors({
  notFound: ['client.not_found', 404, 'No such client in this workspace'],
  contactNotFound: ['contact.not_found', 404, 'No such contact for this client'],
  projectNotFound: ['project.not_found', 404, 'No such project for this client'],
  importNotFound: ['client_import.not_found', 404, 'No such import in this workspace'],
  forbidden: ['client.forbidden', 403, 'Only the client’s owner, a manager or an admin can change this client'],
  ownerNotFound: ['client.owner_not_found', 400, 'The owner must be a user of this workspace'],
  domainTaken: ['client.domain_taken', 409, 'This domain already belongs to another client of the workspace'],
  emailTaken: ['contact.email_taken', 409, 'This email address already belongs to another contact of the workspace'],
  sameStatus: ['client.status_unchanged', 409, 'The client already has this status'],
  alreadyArchived: ['client.already_archived', 409, 'The client is already archived'],
  notArchived: ['client.not_archived', 409, 'The client is not archived'],
  importBadFile: ['client_import.bad_file', 400, 'The file is not a readable CSV file'],
  importBadMapping: ['client_import.bad_mapping', 400, 'The column mapping is not valid'],
  importNotReady: ['client_import.not_ready', 409, 'This import has already started or finished'],
  importTooLarge: ['client_import.too_large', 413, 'The CSV file is larger than 20 MB'],
});
