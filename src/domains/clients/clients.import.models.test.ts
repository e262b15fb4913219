import { describe, expect, it } from 'vitest';
import { parseCsv } from './clients.csv';
import { checkRow, groupRows, mappingProblems, mapRow, planImport, type RowDraft, suggestHeaderMapping } from './clients.import.models';

describe('suggestHeaderMapping', () => {
  it.each([
    // HubSpot companies export
    ['Company name', 'name'],
    ['Company Domain Name', 'domains'],
    ['Website URL', 'website'],
    ['Phone Number', 'contact_phone'],
    ['Description', 'notes'],
    // HubSpot contacts export
    ['First Name', 'contact_first_name'],
    ['Last Name', 'contact_last_name'],
    ['Email', 'contact_email'],
    ['Job Title', 'contact_role'],
    ['Associated Company', 'name'],
    // Salesforce accounts and contacts
    ['Account Name', 'name'],
    ['Website', 'website'],
    ['Phone', 'contact_phone'],
    ['Contact: Full Name', 'contact_name'],
    ['Title', 'contact_role'],
    ['Mobile', 'contact_phone'],
    // Baton's own columns
    ['name', 'name'],
    ['tier', 'tier'],
    ['status', 'status'],
    ['language', 'language'],
    ['owner_email', 'owner_email'],
    ['domains', 'domains'],
    ['contact_name', 'contact_name'],
    ['contact_role', 'contact_role'],
    ['contact_email', 'contact_email'],
    ['contact_phone', 'contact_phone'],
    ['notes', 'notes'],
    // Unknown headers are ignored
    ['Lifecycle Stage', null],
    ['Record ID', null],
  ])('maps "%s" to %s', (header, field) => {
    expect(suggestHeaderMapping([header])[header]).toBe(field);
  });

  it('maps a whole HubSpot contacts export, using each field once', () => {
    expect(
      suggestHeaderMapping(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name']),
    ).toEqual({
      'Record ID': null,
      'First Name': 'contact_first_name',
      'Last Name': 'contact_last_name',
      Email: 'contact_email',
      'Phone Number': 'contact_phone',
      'Mobile Phone Number': null,
      'Company Name': 'name',
    });
  });

  it('maps a Salesforce contacts export', () => {
    expect(suggestHeaderMapping(['Account Name', 'Contact: Full Name', 'Title', 'Email', 'Phone', 'Website'])).toEqual({
      'Account Name': 'name',
      'Contact: Full Name': 'contact_name',
      Title: 'contact_role',
      Email: 'contact_email',
      Phone: 'contact_phone',
      Website: 'website',
    });
  });
});

describe('mappingProblems', () => {
  it('needs a name column, one column per field and headers of the file', () => {
    expect(mappingProblems(['A', 'B'], { A: 'domains', B: 'domains' })).toEqual([
      'columns "A" and "B" are both mapped to domains',
      'map one column to the client name (name)',
    ]);
    expect(mappingProblems(['A'], { A: 'name', Z: null })).toEqual(['the file has no column "Z"']);
    expect(mappingProblems(['A'], { A: 'name' })).toEqual([]);
  });
});

const owners = new Map([['anna@example.test', 'user-anna']]);
const rowOf = (values: Record<string, string>, line = 2) => {
  const headers = Object.keys(values);
  return mapRow(headers, suggestHeaderMapping(headers), { line, cells: Object.values(values) });
};

describe('checkRow', () => {
  it.each([
    [{ name: '' }, 'import.missing_name'],
    [{ name: 'Acme', contact_email: 'not-an-email' }, 'import.bad_email'],
    [{ name: 'Acme', tier: 'gold' }, 'import.bad_tier'],
    [{ name: 'Acme', status: 'sleeping' }, 'import.bad_status'],
    [{ name: 'Acme', language: 'fr' }, 'import.bad_language'],
    [{ name: 'Acme', owner_email: 'nobody@example.test' }, 'import.unknown_owner'],
    [{ name: 'Acme', domains: 'not a domain!' }, 'import.bad_domain'],
  ])('reports %o as %s with its line number', (values, code) => {
    const { draft, errors } = checkRow(rowOf(values, 7), owners);
    expect(draft).toBeNull();
    expect(errors[0]).toMatchObject({ line: 7, code });
  });

  it('reads friendly spellings and normalises domains and emails', () => {
    const { draft } = checkRow(
      rowOf({
        name: ' Acme  S.p.A. ',
        tier: 'Key account',
        status: 'At risk',
        language: 'Italiano',
        owner_email: 'Anna@Example.test',
        website: 'https://www.acme.example/contact',
        'First Name': 'Ada',
        'Last Name': 'Rossi',
        Email: 'Ada.Rossi@ACME.example',
      }),
      owners,
    );
    expect(draft).toMatchObject({
      name: 'Acme S.p.A.',
      tier: 'key',
      status: 'at_risk',
      language: 'it',
      ownerId: 'user-anna',
      domains: ['acme.example'],
      contact: { name: 'Ada Rossi', emails: ['ada.rossi@acme.example'] },
    });
  });
});

const draft = (line: number, name: string, extra: Partial<RowDraft> = {}): RowDraft => ({
  line,
  name,
  nameKey: name.toLowerCase(),
  domains: [],
  ...extra,
});

describe('groupRows', () => {
  it('merges the rows of one company (a contact export) into one client with every contact', () => {
    const { groups, errors } = groupRows([
      draft(2, 'Acme', { domains: ['acme.example'], contact: { name: 'Ada', role: 'CEO', emails: ['ada@acme.example'], phones: [] } }),
      draft(3, 'acme', { contact: { name: 'Bob', role: '', emails: ['bob@acme.example'], phones: ['+39 1'] } }),
      draft(4, 'Acme', { contact: { name: 'Ada', role: '', emails: ['ada@acme.example'], phones: ['+39 2'] } }),
    ]);
    expect(errors).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.lines).toEqual([2, 3, 4]);
    expect(groups[0]?.contacts).toEqual([
      { name: 'Ada', role: 'CEO', emails: ['ada@acme.example'], phones: ['+39 2'] },
      { name: 'Bob', role: '', emails: ['bob@acme.example'], phones: ['+39 1'] },
    ]);
  });

  it('reports a domain or an email given to two different companies, on the later line', () => {
    const { errors } = groupRows([
      draft(2, 'Acme', { domains: ['acme.example'], contact: { name: 'Ada', role: '', emails: ['ada@acme.example'], phones: [] } }),
      draft(5, 'Other', { domains: ['acme.example'] }),
      draft(6, 'Third', { contact: { name: 'Ada', role: '', emails: ['ada@acme.example'], phones: [] } }),
    ]);
    expect(errors.map((error) => [error.line, error.code])).toEqual([
      [5, 'import.duplicate_domain'],
      [6, 'import.duplicate_email'],
    ]);
    expect(errors[0]?.message).toContain('line 2');
  });
});

describe('planImport', () => {
  const existing = {
    id: 'c1',
    name: 'Acme',
    tier: 'standard' as const,
    status: 'active' as const,
    language: 'en' as const,
    ownerId: 'user-anna',
    notes: '',
    contacts: [{ id: 'k1', name: 'Ada', role: 'CEO', emails: ['ada@acme.example'], phones: [] }],
  };
  const context = {
    clients: new Map([['c1', existing]]),
    domainOwners: new Map([['acme.example', 'c1']]),
    emailOwners: new Map([['ada@acme.example', 'c1']]),
    clientsByNameKey: new Map([['acme', ['c1']]]),
    defaults: { language: 'it' as const, ownerId: null },
    actor: null,
  };

  it.each([
    ['a domain', draft(2, 'Acme Inc', { domains: ['acme.example'], tier: 'key' })],
    [
      'a contact email',
      draft(2, 'Acme Inc', { tier: 'key', contact: { name: 'Ada', role: '', emails: ['ada@acme.example'], phones: [] } }),
    ],
    ['the name alone', draft(2, 'acme', { tier: 'key' })],
  ])('updates the client matched by %s instead of creating one', (_how, row) => {
    const plan = planImport(groupRows([row]).groups, context);
    expect(plan.creates).toEqual([]);
    expect(plan.updates[0]?.client.id).toBe('c1');
    expect(plan.updates[0]?.changes.tier).toBe('key');
  });

  it('leaves an identical client unchanged and creates an unknown one with the workspace defaults', () => {
    const plan = planImport(groupRows([draft(2, 'Acme', { domains: ['acme.example'] }), draft(3, 'New Co')]).groups, context);
    expect(plan.unchanged).toBe(1);
    expect(plan.creates[0]?.client).toEqual({
      name: 'New Co',
      tier: 'standard',
      status: 'active',
      language: 'it',
      ownerId: null,
      notes: '',
    });
  });

  it('refuses an email that belongs to another client, and a member updating a client of someone else', () => {
    const taken = planImport(
      groupRows([
        draft(4, 'Other', { domains: ['other.example'], contact: { name: 'Ada', role: '', emails: ['ada@acme.example'], phones: [] } }),
      ]).groups,
      {
        ...context,
        clients: new Map([...context.clients, ['c2', { ...existing, id: 'c2', name: 'Other', contacts: [] }]]),
        domainOwners: new Map([...context.domainOwners, ['other.example', 'c2']]),
      },
    );
    expect(taken.errors[0]).toMatchObject({ line: 4, code: 'import.email_taken' });
    const notMine = planImport(groupRows([draft(2, 'Acme', { tier: 'key' })]).groups, {
      ...context,
      actor: { userId: 'user-peter', canEditAll: false },
    });
    expect(notMine.errors[0]).toMatchObject({ line: 2, code: 'import.not_your_client' });
  });
});

describe('parseCsv', () => {
  it('gives each row the line it starts on, across quoted line breaks and blank lines', () => {
    const { headers, rows } = parseCsv('\uFEFFname,notes\nA,"two\nlines"\n\nB,x\n');
    expect(headers).toEqual(['name', 'notes']);
    expect(rows.map((row) => row.line)).toEqual([2, 5]);
  });

  it('reads semicolon-separated files (Excel in Italian)', () => {
    expect(parseCsv('name;notes\nA;b,c\n').rows[0]?.cells).toEqual(['A', 'b,c']);
  });
});
