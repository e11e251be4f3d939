/** A route no screen answers (an old bookmark, a typo in the address): say so and offer the way back. */
export function NotFound({ path }: { path: string }) {
  return (
    <section className="empty-state" data-testid="not-found">
      <h1>Nothing here</h1>
      <p>
        There is no screen at <code>#/{path}</code>. <a href="#/dashboard">Go to the dashboard</a>.
      </p>
    </section>
  );
}
