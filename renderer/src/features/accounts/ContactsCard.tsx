import type { Output } from '../../../../shared/contract';
import { useState } from 'react';
import type { QueryState } from '../../api/useQuery';
import { EraseContactDialog } from '../contacts/EraseContactDialog';
import { sortContacts } from './accountPage';

/** The people at the account, champions and executive sponsors marked. */
export function ContactsCard({ contacts }: { contacts: QueryState<Output<'contacts.list'>> }) {
  const rows = contacts.data ? sortContacts(contacts.data.rows) : undefined;
  const [erasing, setErasing] = useState<number>();
  return (
    <section className="card" aria-labelledby="contacts-title" data-testid="contacts">
      <header className="card-header">
        <h2 id="contacts-title">Contacts</h2>
        {rows && <span className="muted">{rows.length}</span>}
      </header>
      {contacts.error && (
        <p className="form-error" role="alert">
          {contacts.error.message}
        </p>
      )}
      {rows?.length === 0 && <p className="muted">No contacts at this account yet.</p>}
      {rows && rows.length > 0 && (
        <ul className="contact-list">
          {rows.map((contact) => (
            <li key={contact.id} className="contact-row" data-testid="contact-row">
              <div className="contact-main">
                <div className="contact-name">
                  {contact.name}
                  {contact.isExecutiveSponsor && (
                    <span className="pill sponsor" data-testid="badge-sponsor">
                      Exec sponsor
                    </span>
                  )}
                  {contact.isChampion && (
                    <span className="pill champion" data-testid="badge-champion">
                      Champion
                    </span>
                  )}
                </div>
                <div className="muted small">{[contact.title, contact.email].filter(Boolean).join(' · ') || 'No title or email recorded'}</div>
              </div>
              <button
                type="button"
                className="button small"
                aria-label={`Erase ${contact.name}…`}
                title="Erase this person's personal data"
                onClick={() => setErasing(contact.id)}
                data-testid="erase-contact-open"
              >
                Erase…
              </button>
            </li>
          ))}
        </ul>
      )}
      {erasing !== undefined && <EraseContactDialog contactId={erasing} onClose={() => setErasing(undefined)} />}
    </section>
  );
}
