/** An honest placeholder for a screen a later release fills: it says so, it does not pretend. */
export function ComingSoon({ section }: { section: string }) {
  return (
    <section className="empty-state" data-testid="coming-soon">
      <h1>{section}</h1>
      <p>This part of Fulcrum is coming in a later release. Accounts are ready to use now.</p>
    </section>
  );
}
