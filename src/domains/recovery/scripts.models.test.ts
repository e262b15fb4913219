import { describe, expect, it } from 'vitest';
import { checkBlame } from './blame.models';
import { callScript, type ScriptFacts, topicOf, winBackScript } from './scripts.models';

const quiet: ScriptFacts = { unanswered: 0, noInformation: 0, waitingForOwner: 0, angry: false, topics: [] };
const anna = { owner: 'Anna Ferri', company: 'Studio Ferri', contact: 'Giulia Orsini' };
const text = (script: { steps: { lines: string[] }[] }) => script.steps.flatMap((step) => step.lines).join('\n');

describe('the apology call script', () => {
  it('greets the client by first name, apologises for the wait on what they wrote about, asks, and agrees a plan', () => {
    const script = callScript({ ...anna, language: 'en' }, { ...quiet, unanswered: 1, topics: ['Re: Go-live date'] });
    expect(script.steps.map((step) => step.key)).toEqual(['apologise', 'ask', 'agree', 'close']);
    expect(script.steps[0]?.lines[0]).toBe('Hello Giulia, it’s Anna Ferri from Studio Ferri.');
    expect(text(script)).toContain('I’m sorry you didn’t get the answers you needed about “Go-live date”');
    expect(text(script)).toContain('What do you need from us now');
    expect(text(script)).toContain('I’ll get back to you by [day and time]');
  });

  it('is written in Italian for an Italian client, in the formal register', () => {
    const script = callScript({ ...anna, language: 'it' }, { ...quiet, noInformation: 1, angry: true, topics: ['Data di go-live'] });
    expect(script.language).toBe('it');
    expect(text(script)).toContain('Buongiorno Giulia, sono Anna Ferri di Studio Ferri.');
    expect(text(script)).toContain('Mi dispiace che non abbia avuto le risposte che le servivano su «Data di go-live»');
    expect(text(script)).toContain('So che è stato frustrante.');
    expect(text(script)).toContain('Di cosa ha bisogno adesso da noi?');
  });

  it('thanks instead of apologising when every contact was answered', () => {
    const script = callScript({ ...anna, contact: null, language: 'en' }, quiet);
    expect(script.steps[0]?.lines).toEqual([
      'Hello, it’s Anna Ferri from Studio Ferri.',
      'I’m back in the office and I’ve gone through everything that came in while I was away.',
      'Thank you for your patience while I was away. I wanted to make sure nothing was left hanging.',
    ]);
  });

  it.each(['en', 'it'] as const)('never shifts blame itself (%s)', (language) => {
    const script = callScript({ ...anna, language }, { ...quiet, unanswered: 2, angry: true, topics: ['Invoice'] });
    expect(checkBlame(text(script))).toEqual([]);
    expect(checkBlame(winBackScript({ ...anna, language }, { last: true }).lines.join('\n'))).toEqual([]);
  });

  it.each([
    ['Re: Go-live', 'Go-live'],
    ['RE: Fwd: Invoice', 'Invoice'],
    ['R: I: Fattura marzo', 'Fattura marzo'],
    ['Go-live', 'Go-live'],
  ])('reads the topic of “%s” as “%s”', (subject, topic) => {
    expect(topicOf(subject)).toBe(topic);
  });
});

describe('the win-back script', () => {
  it('checks in, asks how the new arrangement is going and offers help; the last one leaves the door open', () => {
    const first = winBackScript({ ...anna, language: 'en' }, { last: false });
    expect(first.lines).toHaveLength(3);
    expect(first.lines[1]).toMatch(/new arrangement/);
    expect(winBackScript({ ...anna, language: 'it' }, { last: true }).lines.at(-1)).toMatch(/porta è sempre aperta/);
  });
});
