import { z } from 'zod';
import {
  type ClientStatus,
  type ClientTier,
  clientStatuses,
  domainSchema,
  type HeaderMapping,
  type ImportField,
  type ImportRowError,
  type ImportSummary,
  importFields,
} from '../../contracts/clients.contracts';
import type { Language } from '../../contracts/workspaces.contracts';
import { clientNameKey } from './clients.models';

// ---- Header mapping ----

/** Headers of HubSpot and Salesforce exports, and Baton's own, by the field they hold (compared without case or punctuation). */
const headerAliases: Record<ImportField, string[]> = {
  name: [
    'name',
    'client',
    'client name',
    'company',
    'company name',
    'associated company',
    'account',
    'account name',
    'organization',
    'organisation',
    'cliente',
    'ragione sociale',
    'azienda',
  ],
  domains: ['domains', 'domain', 'company domain name', 'email domain', 'domini', 'dominio'],
  website: ['website', 'website url', 'web site', 'url', 'company website', 'sito web', 'sito'],
  tier: ['tier', 'account tier', 'client tier', 'livello'],
  status: ['status', 'client status', 'account status', 'stato'],
  language: ['language', 'preferred language', 'lingua'],
  owner_email: ['owner email', 'owner_email', 'account owner email', 'company owner email', 'contact owner email', 'email proprietario'],
  notes: ['notes', 'note', 'description', 'company description', 'account description', 'descrizione'],
  contact_name: ['contact name', 'contact', 'contact: full name', 'full name', 'contact full name', 'nome contatto', 'referente'],
  contact_first_name: ['first name', 'contact first name', 'contact: first name', 'firstname', 'nome'],
  contact_last_name: ['last name', 'contact last name', 'contact: last name', 'lastname', 'surname', 'cognome'],
  contact_role: ['contact role', 'role', 'job title', 'title', 'contact: title', 'position', 'ruolo', 'qualifica'],
  contact_email: ['contact email', 'email', 'email address', 'e-mail', 'contact: email', 'work email', 'indirizzo email'],
  contact_phone: [
    'contact phone',
    'phone',
    'phone number',
    'mobile',
    'mobile phone',
    'mobile phone number',
    'contact: phone',
    'business phone',
    'telefono',
    'cellulare',
  ],
};

const headerKey = (header: string) =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const fieldByHeaderKey = new Map<string, ImportField>(
  importFields.flatMap((field) => headerAliases[field].map((alias) => [headerKey(alias), field] as const)),
);

/** Suggests a Baton field for each CSV header; each field is used once (the leftmost header wins), others are ignored (null). */
export function suggestHeaderMapping(headers: readonly string[]): HeaderMapping {
  const used = new Set<ImportField>();
  const mapping: HeaderMapping = {};
  for (const header of headers) {
    const field = fieldByHeaderKey.get(headerKey(header)) ?? null;
    if (field && !used.has(field)) {
      used.add(field);
      mapping[header] = field;
    } else {
      mapping[header] = null;
    }
  }
  return mapping;
}

/** What is wrong with a mapping as a whole (an empty list when it can be used). */
export function mappingProblems(headers: readonly string[], mapping: HeaderMapping): string[] {
  const problems: string[] = [];
  const known = new Set(headers);
  for (const header of Object.keys(mapping)) if (!known.has(header)) problems.push(`the file has no column "${header}"`);
  const seen = new Map<ImportField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    const previous = seen.get(field);
    if (previous) problems.push(`columns "${previous}" and "${header}" are both mapped to ${field}`);
    seen.set(field, header);
  }
  if (!seen.has('name')) problems.push('map one column to the client name (name)');
  return problems;
}

// ---- Rows ----

export type RawRow = { line: number; cells: string[] };
export type MappedRow = { line: number } & Record<ImportField, string>;

export function mapRow(headers: readonly string[], mapping: HeaderMapping, row: RawRow): MappedRow {
  const mapped = { line: row.line } as MappedRow;
  for (const field of importFields) mapped[field] = '';
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field) mapped[field] = (row.cells[index] ?? '').trim();
  });
  return mapped;
}

export type ContactDraft = { name: string; role: string; emails: string[]; phones: string[] };

/** One CSV row, checked: what it says about a client and, optionally, one of its contacts. */
export type RowDraft = {
  line: number;
  name: string;
  nameKey: string;
  domains: string[];
  tier?: ClientTier;
  status?: ClientStatus;
  language?: Language;
  /** Undefined when the row names no owner. */
  ownerId?: string;
  notes?: string;
  contact?: ContactDraft;
};

const emailCheck = z.email();
const splitList = (value: string) =>
  value
    .split(/[,;\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

const tierWords: Record<string, ClientTier> = {
  key: 'key',
  'key account': 'key',
  chiave: 'key',
  strategic: 'key',
  standard: 'standard',
  normal: 'standard',
  normale: 'standard',
};
const statusWords: Record<string, ClientStatus> = {
  ...Object.fromEntries(clientStatuses.map((status) => [status.replace('_', ' '), status])),
  attivo: 'active',
  'a rischio': 'at_risk',
  perso: 'lost',
  riconquistato: 'won_back',
};
const languageWords: Record<string, Language> = {
  en: 'en',
  english: 'en',
  inglese: 'en',
  it: 'it',
  italian: 'it',
  italiano: 'it',
};
const wordKey = (value: string) =>
  value
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\w\w)[ ][a-z]{2}$/, '$1'); // en-GB, it-IT → en, it

/** Reads one mapped row; every problem is reported with the row's line number. */
export function checkRow(row: MappedRow, ownersByEmail: ReadonlyMap<string, string>): { draft: RowDraft | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (field: ImportField | null, code: string, message: string, value?: string) =>
    errors.push({ line: row.line, field, code, message, ...(value !== undefined ? { value } : {}) });

  const name = row.name.replace(/\s+/g, ' ').trim();
  if (!name) fail('name', 'import.missing_name', 'the client name is empty');
  else if (name.length > 200) fail('name', 'import.name_too_long', 'the client name is longer than 200 characters');

  const domains = new Set<string>();
  for (const [field, raw] of [
    ['domains', row.domains],
    ['website', row.website],
  ] as const) {
    for (const item of splitList(raw)) {
      const parsed = domainSchema.safeParse(item);
      if (parsed.success) domains.add(parsed.data);
      else fail(field, 'import.bad_domain', `"${item}" is not a domain such as acme.com`, item);
    }
  }

  const draft: RowDraft = { line: row.line, name, nameKey: clientNameKey(name), domains: [...domains] };
  if (row.tier) {
    const tier = tierWords[wordKey(row.tier)];
    if (tier) draft.tier = tier;
    else fail('tier', 'import.bad_tier', `unknown tier "${row.tier}": use key or standard`, row.tier);
  }
  if (row.status) {
    const status = statusWords[wordKey(row.status)];
    if (status) draft.status = status;
    else fail('status', 'import.bad_status', `unknown status "${row.status}": use active, at_risk, lost or won_back`, row.status);
  }
  if (row.language) {
    const language = languageWords[wordKey(row.language)];
    if (language) draft.language = language;
    else fail('language', 'import.bad_language', `unknown language "${row.language}": use en or it`, row.language);
  }
  if (row.owner_email) {
    const ownerId = ownersByEmail.get(row.owner_email.toLowerCase());
    if (ownerId) draft.ownerId = ownerId;
    else fail('owner_email', 'import.unknown_owner', `no user of this workspace has the email ${row.owner_email}`, row.owner_email);
  }
  if (row.notes) {
    if (row.notes.length > 10_000) fail('notes', 'import.notes_too_long', 'the notes are longer than 10,000 characters');
    else draft.notes = row.notes;
  }

  const emails: string[] = [];
  for (const email of splitList(row.contact_email)) {
    if (emailCheck.safeParse(email).success && email.length <= 254) emails.push(email.toLowerCase());
    else fail('contact_email', 'import.bad_email', `"${email}" is not an email address`, email);
  }
  const phones = row.contact_phone
    .split(/[;|]/)
    .map((phone) => phone.trim())
    .filter(Boolean);
  for (const phone of phones) {
    if (phone.length > 40 || !/\d/.test(phone)) fail('contact_phone', 'import.bad_phone', `"${phone}" is not a phone number`, phone);
  }
  const contactName =
    row.contact_name.replace(/\s+/g, ' ').trim() || `${row.contact_first_name} ${row.contact_last_name}`.replace(/\s+/g, ' ').trim();
  if (contactName || emails.length || phones.length) {
    draft.contact = {
      name: (contactName || emails[0] || phones[0] || '').slice(0, 200),
      role: row.contact_role.slice(0, 200),
      emails,
      phones,
    };
  }
  return { draft: errors.length ? null : draft, errors };
}

// ---- Grouping rows into clients ----

/** The rows of one company (a contact export has one row per contact), merged into one client. */
export type ClientGroup = {
  nameKey: string;
  name: string;
  lines: number[];
  domains: string[];
  tier?: ClientTier;
  status?: ClientStatus;
  language?: Language;
  ownerId?: string;
  notes?: string;
  contacts: ContactDraft[];
  /** Where each domain and email was read, for error messages. */
  lineOf: Map<string, number>;
};

const contactKey = (contact: ContactDraft) => clientNameKey(contact.name);

/** Adds a contact, merging it into one with a shared email address, or the same name when neither has an email. */
export function mergeContact(contacts: ContactDraft[], incoming: ContactDraft): void {
  const same =
    contacts.find((contact) => contact.emails.some((email) => incoming.emails.includes(email))) ??
    contacts.find(
      (contact) =>
        contactKey(contact) === contactKey(incoming) && (contact.emails.length === 0 || incoming.emails.length === 0 || !incoming.name),
    );
  if (!same) {
    contacts.push({ ...incoming, emails: [...new Set(incoming.emails)], phones: [...new Set(incoming.phones)] });
    return;
  }
  if (!same.role && incoming.role) same.role = incoming.role;
  for (const email of incoming.emails) if (!same.emails.includes(email)) same.emails.push(email);
  for (const phone of incoming.phones) if (!same.phones.includes(phone)) same.phones.push(phone);
}

/**
 * Rows with the same company name become one client; the first non-empty value of each field wins.
 * A domain or an email address used by two different companies of the file is an error on the later line.
 */
export function groupRows(drafts: readonly RowDraft[]): { groups: ClientGroup[]; errors: ImportRowError[] } {
  const groups = new Map<string, ClientGroup>();
  const domainGroup = new Map<string, ClientGroup>();
  const emailGroup = new Map<string, ClientGroup>();
  const errors: ImportRowError[] = [];
  for (const draft of drafts) {
    let group = groups.get(draft.nameKey);
    const rowErrors: ImportRowError[] = [];
    for (const domain of draft.domains) {
      const other = domainGroup.get(domain);
      if (other && other !== group)
        rowErrors.push({
          line: draft.line,
          field: 'domains',
          code: 'import.duplicate_domain',
          value: domain,
          message: `the domain ${domain} is also on line ${other.lineOf.get(domain)} for another client (${other.name})`,
        });
    }
    for (const email of draft.contact?.emails ?? []) {
      const other = emailGroup.get(email);
      if (other && other !== group)
        rowErrors.push({
          line: draft.line,
          field: 'contact_email',
          code: 'import.duplicate_email',
          value: email,
          message: `the email ${email} is also on line ${other.lineOf.get(email)} for another client (${other.name})`,
        });
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (!group) {
      group = { nameKey: draft.nameKey, name: draft.name, lines: [], domains: [], contacts: [], lineOf: new Map() };
      groups.set(draft.nameKey, group);
    }
    group.lines.push(draft.line);
    for (const domain of draft.domains) {
      if (!group.domains.includes(domain)) group.domains.push(domain);
      if (!group.lineOf.has(domain)) group.lineOf.set(domain, draft.line);
      domainGroup.set(domain, group);
    }
    for (const email of draft.contact?.emails ?? []) {
      if (!group.lineOf.has(email)) group.lineOf.set(email, draft.line);
      emailGroup.set(email, group);
    }
    group.tier ??= draft.tier;
    group.status ??= draft.status;
    group.language ??= draft.language;
    group.ownerId ??= draft.ownerId;
    group.notes ??= draft.notes;
    if (draft.contact) mergeContact(group.contacts, draft.contact);
  }
  return { groups: [...groups.values()], errors };
}

// ---- Planning against what the workspace already holds ----

export type ExistingContact = { id: string; name: string; role: string; emails: string[]; phones: string[] };
export type ExistingClient = {
  id: string;
  name: string;
  tier: ClientTier;
  status: ClientStatus;
  language: Language;
  ownerId: string | null;
  notes: string;
  contacts: ExistingContact[];
};

export type ClientChanges = Partial<Pick<ExistingClient, 'name' | 'tier' | 'status' | 'language' | 'ownerId' | 'notes'>>;

export type ImportPlan = {
  creates: { group: ClientGroup; client: Omit<ExistingClient, 'id' | 'contacts'> }[];
  updates: {
    group: ClientGroup;
    client: ExistingClient;
    changes: ClientChanges;
    newDomains: string[];
    newContacts: ContactDraft[];
    /** Existing contacts with what the file adds to them. */
    contactChanges: { contact: ExistingContact; role: string; emails: string[]; phones: string[] }[];
  }[];
  unchanged: number;
  errors: ImportRowError[];
};

export type ImportContext = {
  clients: ReadonlyMap<string, ExistingClient>;
  domainOwners: ReadonlyMap<string, string>;
  emailOwners: ReadonlyMap<string, string>;
  /** Client ids by name key, to recognise a company whose file rows carry neither a domain nor an email. */
  clientsByNameKey: ReadonlyMap<string, string[]>;
  defaults: { language: Language; ownerId: string | null };
  /** null for the CLI (a workspace operator); otherwise members may only update clients they own. */
  actor: { userId: string; canEditAll: boolean } | null;
};

/**
 * Matches each company to an existing client (by domain, else by contact email, else by a unique
 * name) and works out what to create and what to change; conflicts become row errors.
 */
export function planImport(groups: readonly ClientGroup[], context: ImportContext): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, errors: [] };
  for (const group of groups) {
    const line = group.lines[0] ?? 0;
    const fail = (field: ImportField | null, code: string, message: string, value?: string, at = line) =>
      plan.errors.push({ line: at, field, code, message, ...(value !== undefined ? { value } : {}) });
    const emails = group.contacts.flatMap((contact) => contact.emails);
    const byDomain = new Set(group.domains.flatMap((domain) => context.domainOwners.get(domain) ?? []));
    const byEmail = new Set(emails.flatMap((email) => context.emailOwners.get(email) ?? []));
    if (byDomain.size > 1) {
      fail('domains', 'import.domains_of_several_clients', `the domains ${group.domains.join(', ')} belong to different clients`);
      continue;
    }
    let matchId: string | undefined = [...byDomain][0];
    if (!matchId && byEmail.size > 1) {
      fail('contact_email', 'import.emails_of_several_clients', `the contact emails belong to contacts of different clients`);
      continue;
    }
    matchId ??= [...byEmail][0];
    if (!matchId) {
      const sameName = context.clientsByNameKey.get(group.nameKey) ?? [];
      if (sameName.length === 1) matchId = sameName[0];
    }
    const foreignEmail = emails.find((email) => {
      const owner = context.emailOwners.get(email);
      return owner !== undefined && owner !== matchId;
    });
    if (foreignEmail) {
      const owner = context.clients.get(context.emailOwners.get(foreignEmail) ?? '');
      fail(
        'contact_email',
        'import.email_taken',
        `the email ${foreignEmail} belongs to a contact of another client (${owner?.name ?? 'unknown'})`,
        foreignEmail,
        group.lineOf.get(foreignEmail),
      );
      continue;
    }
    const existing = matchId ? context.clients.get(matchId) : undefined;
    if (!existing) {
      plan.creates.push({
        group,
        client: {
          name: group.name,
          tier: group.tier ?? 'standard',
          status: group.status ?? 'active',
          language: group.language ?? context.defaults.language,
          ownerId: group.ownerId ?? context.defaults.ownerId,
          notes: group.notes ?? '',
        },
      });
      continue;
    }
    if (context.actor && !context.actor.canEditAll && existing.ownerId !== context.actor.userId) {
      fail(null, 'import.not_your_client', `the client ${existing.name} belongs to someone else: ask its owner or a manager`);
      continue;
    }
    const update = planClientUpdate(group, existing, context.domainOwners);
    const changed =
      Object.keys(update.changes).length + update.newDomains.length + update.newContacts.length + update.contactChanges.length > 0;
    if (changed) plan.updates.push({ group, client: existing, ...update });
    else plan.unchanged += 1;
  }
  return plan;
}

function planClientUpdate(group: ClientGroup, existing: ExistingClient, domainOwners: ReadonlyMap<string, string>) {
  const changes: ClientChanges = {};
  if (group.name !== existing.name) changes.name = group.name;
  if (group.tier && group.tier !== existing.tier) changes.tier = group.tier;
  if (group.status && group.status !== existing.status) changes.status = group.status;
  if (group.language && group.language !== existing.language) changes.language = group.language;
  if (group.ownerId && group.ownerId !== existing.ownerId) changes.ownerId = group.ownerId;
  if (group.notes && group.notes !== existing.notes) changes.notes = group.notes;
  const newDomains = group.domains.filter((domain) => !domainOwners.has(domain));
  const newContacts: ContactDraft[] = [];
  const contactChanges: ImportPlan['updates'][number]['contactChanges'] = [];
  for (const draft of group.contacts) {
    const match =
      existing.contacts.find((contact) => contact.emails.some((email) => draft.emails.includes(email))) ??
      existing.contacts.find((contact) => contactKey(contact) === contactKey(draft));
    if (!match) {
      newContacts.push(draft);
      continue;
    }
    const emails = draft.emails.filter((email) => !match.emails.includes(email));
    const phones = draft.phones.filter((phone) => !match.phones.includes(phone));
    const role = draft.role && draft.role !== match.role ? draft.role : match.role;
    if (emails.length || phones.length || role !== match.role) contactChanges.push({ contact: match, role, emails, phones });
  }
  return { changes, newDomains, newContacts, contactChanges };
}

export function summarisePlan(rows: number, plan: ImportPlan): ImportSummary {
  return {
    rows,
    clients: plan.creates.length + plan.updates.length + plan.unchanged,
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
    contactsAdded:
      plan.creates.reduce((sum, item) => sum + item.group.contacts.length, 0) +
      plan.updates.reduce((sum, item) => sum + item.newContacts.length, 0),
    domainsAdded:
      plan.creates.reduce((sum, item) => sum + item.group.domains.length, 0) +
      plan.updates.reduce((sum, item) => sum + item.newDomains.length, 0),
  };
}

export const byLine = (a: ImportRowError, b: ImportRowError) => a.line - b.line;
