import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS } from '../../../../shared/contract/import';
import { matchHint } from './matchHint';

describe('the "Existing records" hint says how each target is matched', () => {
  it.each([
    ['accounts', 'Matched by external id'],
    ['contacts', 'Matched by e-mail, in any case'],
    ['purchases', 'Matched by external id'],
    ['touchpoints', 'This target is always added as new rows'],
  ] as const)('%s', (target, hint) => expect(matchHint(target)).toBe(hint));
  it("references say they are matched by their contact's e-mail", () => expect(matchHint('references')).toContain("Matched by the contact's e-mail"));
  it('every target has one', () => IMPORT_TARGETS.forEach((target) => expect(matchHint(target)).not.toBe('')));
});
