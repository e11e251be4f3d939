import { useQuery } from '../../api/useQuery';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x)} %`);
const nps = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

/** Satisfaction by product and feature, where the answers and tickets behind feedback name one. */
export function ProductSatisfaction() {
  const rows = useQuery('feedback.productResults', {}, ['feedback', 'surveyResponses', 'tickets']);
  return (
    <section className="card" aria-labelledby="product-satisfaction-title" data-testid="product-satisfaction">
      <header className="card-header">
        <h2 id="product-satisfaction-title">Satisfaction by product and feature</h2>
      </header>
      {rows.error && (
        <p className="form-error" role="alert">
          {rows.error.message}
        </p>
      )}
      {rows.data?.length === 0 && <p className="muted">No feedback names a product yet: set a product (and feature) when capturing feedback from an answer or a ticket.</p>}
      {rows.data && rows.data.length > 0 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Feature</th>
              <th scope="col" className="num">
                Items
              </th>
              <th scope="col" className="num">
                NPS (answers)
              </th>
              <th scope="col" className="num">
                CSAT (ratings)
              </th>
              <th scope="col" className="num">
                Problems
              </th>
              <th scope="col" className="num">
                Praise
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={`${r.product}|${r.feature ?? ''}`} data-testid="product-satisfaction-row">
                <th scope="row">{r.product}</th>
                <td>{r.feature ?? 'all'}</td>
                <td className="num">{r.items}</td>
                <td className="num">
                  {nps(r.nps)} ({r.npsAnswers})
                </td>
                <td className="num">
                  {pct(r.csat)} ({r.csatRatings})
                </td>
                <td className="num">{r.problems}</td>
                <td className="num">{r.praise}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
