import type Database from 'better-sqlite3';
import type { Output } from '../../../shared/contract';

interface Row {
  product: string;
  feature: string | null;
  kind: string;
  answerId: number | null;
  answerKind: string | null;
  answerScore: number | null;
  ticketId: number | null;
  ticketCsat: number | null;
}

/**
 * Satisfaction by product and feature: the answers and tickets that feedback items name a product
 * for. NPS = % promoters (9–10) − % detractors (0–6) of the NPS answers; CSAT = share of ratings of
 * 4 or 5 among CSAT answers and tickets' CSAT. Each answer or ticket counts once per product/feature.
 */
export function productResults(sqlite: Database.Database): Output<'feedback.productResults'> {
  const rows = sqlite
    .prepare(
      `SELECT f.product, f.feature, f.kind, s.id AS answerId, s.kind AS answerKind, s.score AS answerScore, t.id AS ticketId, t.csat AS ticketCsat
         FROM feedback_items f
         JOIN accounts a ON a.id = f.account_id AND a.archived_at IS NULL
         LEFT JOIN survey_responses s ON s.id = f.survey_response_id AND s.archived_at IS NULL
         LEFT JOIN tickets t ON t.id = f.ticket_id AND t.archived_at IS NULL
        WHERE f.archived_at IS NULL AND f.product IS NOT NULL
        ORDER BY f.product, f.feature, f.id`,
    )
    .all() as Row[];
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.product, row.feature]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const answers = new Map<number, Row>();
    const tickets = new Map<number, number>();
    for (const r of group) {
      if (r.answerId !== null && r.answerScore !== null) answers.set(r.answerId, r);
      if (r.ticketId !== null && r.ticketCsat !== null) tickets.set(r.ticketId, r.ticketCsat);
    }
    const nps = [...answers.values()].filter((a) => a.answerKind === 'nps').map((a) => a.answerScore!);
    const ratings = [...[...answers.values()].filter((a) => a.answerKind === 'csat').map((a) => a.answerScore!), ...tickets.values()];
    return {
      product: group[0]!.product,
      feature: group[0]!.feature,
      items: group.length,
      nps: nps.length ? (100 * (nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length)) / nps.length : null,
      npsAnswers: nps.length,
      csat: ratings.length ? (100 * ratings.filter((s) => s >= 4).length) / ratings.length : null,
      csatRatings: ratings.length,
      problems: group.filter((r) => r.kind === 'problem').length,
      praise: group.filter((r) => r.kind === 'praise').length,
    };
  });
}
