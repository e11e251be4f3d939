import { expect, it } from 'vitest';
import { issuesByField } from './fieldErrors';

it('puts each issue beside its field and keeps the rest for the form', () => {
  const errors = issuesByField(
    {
      code: 'BAD_INPUT',
      message: 'renewalDate: must be a date as YYYY-MM-DD; arrMinor: must be whole minor units (cents); tags.2: is required',
      issues: [
        { path: 'renewalDate', message: 'must be a date as YYYY-MM-DD' },
        { path: 'arrMinor', message: 'must be whole minor units (cents)' },
        { path: 'tags.2', message: 'is required' },
        { path: 'mystery', message: 'is odd' },
      ],
    },
    ['renewalDate', 'arr', 'tags'] as const,
    { arrMinor: 'arr' },
  );
  expect(errors).toEqual({
    renewalDate: 'must be a date as YYYY-MM-DD',
    arr: 'must be whole minor units (cents)',
    tags: 'is required',
    form: 'mystery: is odd',
  });
});

it('shows an error without issues as the form’s', () => {
  expect(issuesByField({ code: 'NOT_FOUND', message: 'account 9 does not exist' }, ['name'])).toEqual({ form: 'account 9 does not exist' });
});
