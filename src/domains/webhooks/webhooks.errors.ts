import { defineErrors } from '../../platform/http/errors';

export const webhookErrors = defineErrors({
  notFound: ['webhook.not_found', 404, 'No such webhook in this workspace'],
  deliveryNotFound: ['webhook.delivery_not_found', 404, 'No such webhook delivery in this workspace'],
  secretKeyMissing: [
    'webhook.secret_key_missing',
    409,
    'Webhooks need BATON_SECRET_KEY (32 random bytes, base64 or hex) to encrypt their signing secrets: set it and restart Baton',
  ],
  disabled: ['webhook.disabled', 409, 'This webhook is disabled: enable it first'],
  deliveryPending: ['webhook.delivery_pending', 409, 'This delivery is still being tried: wait for it to succeed or fail'],
  tooMany: ['webhook.too_many', 409, 'This workspace already has 20 webhooks: delete one first'],
  urlMalformed: ['webhook.url_malformed', 400, 'The URL is not a valid address such as https://example.com/hooks/baton'],
  urlScheme: ['webhook.url_scheme', 400, 'The URL must start with https://'],
  urlHttp: [
    'webhook.url_http',
    400,
    'The URL must use https://: plain http:// is allowed only when the server sets WEBHOOKS_ALLOW_PRIVATE=true',
  ],
  urlCredentials: ['webhook.url_credentials', 400, 'The URL must not contain a user name or password: the signature authenticates Baton'],
  urlPrivate: [
    'webhook.url_private',
    400,
    'The URL points to this machine or a private network: allowed only when the server sets WEBHOOKS_ALLOW_PRIVATE=true',
  ],
});
