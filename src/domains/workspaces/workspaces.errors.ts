import { defineErrors } from '../../platform/http/errors';

export const workspaceErrors = defineErrors({
  invalidCredentials: ['auth.invalid_credentials', 401, 'Wrong email or password'],
  wrongPassword: ['auth.wrong_password', 400, 'The current password is wrong'],
  userNotFound: ['user.not_found', 404, 'No such user in this workspace'],
  emailTaken: ['user.email_taken', 409, 'A user with this email address already exists'],
  cannotChangeSelf: ['user.cannot_change_self', 409, 'You cannot change your own role or disable yourself'],
  lastAdmin: ['user.last_admin', 409, 'The workspace needs at least one active admin'],
  invitationNotFound: ['invitation.not_found', 404, 'This invitation link is not valid'],
  invitationExpired: ['invitation.expired', 410, 'This invitation has expired: ask your admin for a new one'],
  invitationUsed: ['invitation.used', 410, 'This invitation was already used or withdrawn'],
  tokenNotFound: ['api_token.not_found', 404, 'No such API token'],
  workspaceNotFound: ['workspace.not_found', 404, 'No such workspace'],
  slugTaken: ['workspace.slug_taken', 409, 'A workspace with this slug already exists'],
});
