import { describe, expect, it } from 'vitest';
import { declaredDomain, domainCandidates, domainIndex, emailDomain, isPublicMailDomain } from './matchByDomain';

describe('domains of e-mails and of declared fields', () => {
  it('an e-mail’s domain, lower-cased; not an address, none', () => {
    expect(emailDomain('Ana.Ruiz@Sales.ACME.com')).toBe('sales.acme.com');
    expect(emailDomain('ana@acme.com.')).toBe('acme.com');
    expect(emailDomain('acme.com')).toBeUndefined();
    expect(emailDomain('ana@localhost')).toBeUndefined();
    expect(emailDomain('ana@-acme.com')).toBeUndefined();
  });

  it('a website or address as an account field gives it', () => {
    expect(declaredDomain('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(declaredDomain('acme.co.uk')).toBe('acme.co.uk');
    expect(declaredDomain('@acme.com')).toBe('acme.com');
    expect(declaredDomain('http://acme.com:8080')).toBe('acme.com');
    expect(declaredDomain('not a domain')).toBeUndefined();
  });

  it('candidates run from the most specific to two labels', () => {
    expect(domainCandidates('eu.mail.acme.com')).toEqual(['eu.mail.acme.com', 'mail.acme.com', 'acme.com']);
    expect(domainCandidates('acme.com')).toEqual(['acme.com']);
  });

  it('public mail domains, country variants included', () => {
    expect(['gmail.com', 'hotmail.co.uk', 'yahoo.fr', 'outlook.de', 'web.de'].every(isPublicMailDomain)).toBe(true);
    expect(isPublicMailDomain('acme.com')).toBe(false);
  });
});

describe('domainIndex', () => {
  const entries = [
    { domain: 'acme.com', accountId: 1, declared: true },
    { domain: 'acme.com', accountId: 2, declared: false },
    { domain: 'twins.example', accountId: 3, declared: false },
    { domain: 'twins.example', accountId: 4, declared: false },
    { domain: 'gmail.com', accountId: 5, declared: false },
    { domain: 'eu.acme.com', accountId: 6, declared: false },
  ];
  const match = domainIndex(entries);

  it('a declared domain outranks a contact’s at the same domain', () => {
    expect(match('acme.com')).toEqual({ accountId: 1 });
  });

  it('the most specific domain an account has decides', () => {
    expect(match('eu.acme.com')).toEqual({ accountId: 6 });
    expect(match('us.acme.com')).toEqual({ accountId: 1 });
  });

  it('two accounts with one domain are ambiguous, named in id order', () => {
    expect(match('twins.example')).toEqual({ ambiguous: [3, 4] });
  });

  it('a public domain never matches, even where a contact used it; an unknown one is undefined', () => {
    expect(match('gmail.com')).toEqual({ publicDomain: 'gmail.com' });
    expect(match('nowhere.example')).toBeUndefined();
  });
});
