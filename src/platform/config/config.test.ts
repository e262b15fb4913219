import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('runs embedded, in demo mode, on localhost:3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      baseUrl: 'http://localhost:3000',
      demo: true,
      database: { kind: 'pglite', dataDir: './data' },
      cookieSecure: false,
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, without demo mode unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://baton@db/baton' });
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgres://baton@db/baton' });
    expect(config.demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x', BATON_DEMO: 'true' }).demo).toBe(true);
  });

  it('marks cookies secure behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://baton.example.com/' })).toMatchObject({
      baseUrl: 'https://baton.example.com',
      cookieSecure: true,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' }).PORT).toBe(3000);
  });

  it('names every bad variable at once with what it must be', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BATON_DEMO: 'maybe', SMTP_URL: 'http://mail', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT="eighty"', 'DATABASE_URL="mysql://x"', 'BATON_DEMO="maybe"', 'SMTP_URL="http://mail"', 'LOG_LEVEL="loud"']) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('must start with postgres://');
    expect(problems).toContain('must be true or false');
  });
});
