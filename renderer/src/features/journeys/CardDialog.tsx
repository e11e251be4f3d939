import type { JourneyTouchpoint, LinkSource, MeasureResult } from '../../../../shared/contract/journeys';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { channelLabel } from '../../lib/labels';
import { cardFigure, describeRule, SOURCE_LABELS, VERDICT_LABELS } from './journeyFormat';

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** One card opened: the promise, the numbers, and the records behind them. */
export function CardDialog({
  touchpoint,
  measure,
  scope,
  onEdit,
  onRemove,
  onClose,
}: {
  touchpoint: JourneyTouchpoint;
  measure: MeasureResult['touchpoints'][number] | undefined;
  scope: { from: string; to: string; segment?: string };
  onEdit: () => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const records = useQuery('journeys.records', { journeyTouchpointId: touchpoint.id, ...scope, limit: 50 }, ['journeys', 'touchpoints', 'tickets', 'surveyResponses']);
  const unlinking = useAction(async (source: LinkSource, id: number) => void (await call('journeys.link', { journeyTouchpointId: null, source, ids: [id] })));
  const unlink = (source: LinkSource, id: number) => void unlinking.run(source, id);
  const unlinkError = unlinking.error;
  const verdict = measure?.verdict ?? 'no_data';
  return (
    <Dialog title={touchpoint.name} onClose={onClose} testId="card-dialog" wide>
      <div className="dialog-body">
        <div className={`card-summary verdict-${verdict}`}>
          <div className="card-summary-figure" data-testid="card-dialog-figure">
            {cardFigure(touchpoint.target, measure)}
          </div>
          <div>
            {VERDICT_LABELS[verdict]}
            {measure?.gap != null && touchpoint.target && (
              <>
                {' '}
                · gap {measure.gap > 0 ? '+' : ''}
                {Number(measure.gap.toFixed(2))}
              </>
            )}
          </div>
          <div className="muted small">
            {measure ? [count(measure.n, 'value'), count(measure.volume, 'record'), count(measure.answers, 'satisfaction answer')].join(' · ') : 'Measuring…'}
            {measure?.satisfaction != null && ` (mean satisfaction ${Math.round(measure.satisfaction)} of 100)`}
          </div>
        </div>
        <dl className="card-facts">
          <div>
            <dt>Ideal experience</dt>
            <dd>{touchpoint.idealExperience ?? <span className="muted">Not written yet</span>}</dd>
          </div>
          <div>
            <dt>Records</dt>
            <dd>{describeRule(touchpoint.matchRule)}</dd>
          </div>
          <div>
            <dt>Channel · owner</dt>
            <dd>{[touchpoint.channel && channelLabel(touchpoint.channel), touchpoint.ownerTeam].filter(Boolean).join(' · ') || '—'}</dd>
          </div>
          <div>
            <dt>Moment of truth</dt>
            <dd>{touchpoint.isMomentOfTruth ? 'Yes' : 'No'}</dd>
          </div>
        </dl>

        <h3 className="section-title">
          Records in the period{' '}
          {records.data && (
            <span className="muted">
              ({records.data.total.toLocaleString()}
              {records.data.total > records.data.rows.length ? `, newest ${records.data.rows.length} shown` : ''})
            </span>
          )}
        </h3>
        {records.loading && !records.data && <p className="muted">Loading records…</p>}
        {records.error && (
          <p className="form-error" role="alert">
            {records.error.message}
          </p>
        )}
        {unlinkError && (
          <p className="form-error" role="alert">
            {unlinkError}
          </p>
        )}
        {records.data?.rows.length === 0 && <p className="muted">No record in this period. Check the rule, or link records by hand from “Unmapped”.</p>}
        {records.data && records.data.rows.length > 0 && (
          <div className="records-scroll">
            <table className="records-table" data-testid="card-records">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Record</th>
                  <th>Account</th>
                  <th>Contact</th>
                  <th>Channel</th>
                  <th>What</th>
                  <th className="num">Value</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {records.data.rows.map((row) => (
                  <tr key={`${row.source}-${row.id}`}>
                    <td className="records-when" title={row.at.length > 10 ? formatDateTime(row.at) : undefined}>
                      {formatDate(row.at.slice(0, 10))}
                    </td>
                    <td>
                      {SOURCE_LABELS[row.source].one}
                      {row.linkedByHand && (
                        <span className="muted small" title="Linked to this card by hand">
                          {' '}
                          · by hand
                        </span>
                      )}
                    </td>
                    <td>
                      <a href={`#/accounts/${row.accountId}`}>{row.accountName}</a>
                    </td>
                    <td>{row.contactName ?? '—'}</td>
                    <td>{row.channel ? channelLabel(row.channel) : '—'}</td>
                    <td className="records-detail" title={row.detail}>
                      {row.detail}
                    </td>
                    <td className="num">{row.value === null ? '—' : Number(row.value.toFixed(2))}</td>
                    <td>
                      {row.linkedByHand && row.source !== 'deployments' && (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => unlink(row.source as LinkSource, row.id)}
                          aria-label={`Unlink the ${SOURCE_LABELS[row.source].one.toLowerCase()} of ${row.accountName}`}
                        >
                          Unlink
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <footer className="dialog-actions">
          <button type="button" className="button danger" onClick={onRemove} data-testid="remove-touchpoint">
            Remove
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button primary" onClick={onEdit} data-testid="edit-touchpoint" data-autofocus>
            Edit
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
