import type { ImportPreview } from '../../../../shared/contract/import';
import { formatInteger } from '../../../../shared/format/format';

/**
 * How a survey file's answers found their account (issue 13): by a known contact, by the file's
 * account, by the e-mail's domain, or not at all; and the domains several accounts share, which are
 * reported rather than guessed. Shown in the preview and in the result.
 */
export function RespondentMatches({ respondents, testId }: { respondents: ImportPreview['respondents']; testId: string }) {
  if (!respondents) return null;
  const { byContact, byAccount, byDomain, unmatched, publicDomain, ambiguous } = respondents;
  return (
    <div className="import-respondents" data-testid={testId}>
      <h3 className="section-title">How the answers found their account</h3>
      <ul className="import-counts">
        <li>
          <strong data-testid={`${testId}-contact`}>{formatInteger(byContact)}</strong> by contact
        </li>
        {byAccount > 0 && (
          <li>
            <strong data-testid={`${testId}-account`}>{formatInteger(byAccount)}</strong> by the file’s account
          </li>
        )}
        <li>
          <strong data-testid={`${testId}-domain`}>{formatInteger(byDomain)}</strong> by e-mail domain
        </li>
        <li className={unmatched > 0 ? 'tone-bad' : ''}>
          <strong data-testid={`${testId}-unmatched`}>{formatInteger(unmatched)}</strong> not matched
          {publicDomain > 0 && <span className="muted"> ({formatInteger(publicDomain)} from public mail domains such as gmail.com)</span>}
        </li>
      </ul>
      {ambiguous.length > 0 && (
        <ul className="import-ambiguous" data-testid={`${testId}-ambiguous`}>
          {ambiguous.map((entry) => (
            <li key={entry.domain}>
              <code>{entry.domain}</code> is the domain of {entry.accounts.join(' and ')} ({formatInteger(entry.answers)} {entry.answers === 1 ? 'answer' : 'answers'}): add those
              respondents as contacts, or map an account column.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
