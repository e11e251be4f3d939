/** The settings' sections, in the order they appear; `id` is the section's element, `title` its heading. */
export const SETTINGS_SECTIONS = [
  { id: 'settings-identity', label: 'Who am I' },
  { id: 'settings-appearance', label: 'Appearance' },
  { id: 'settings-health', label: 'Health score' },
  { id: 'settings-sla', label: 'Support SLA' },
  { id: 'settings-business-hours', label: 'Time zone and hours' },
  { id: 'settings-value', label: 'Value' },
  { id: 'settings-leverage', label: 'Customer leverage' },
] as const;

/**
 * Jumps to a section. Buttons rather than #anchors: the app's routes live in the location's hash.
 * The section's heading takes the focus, so keyboard users land where they jumped.
 */
export function SettingsNav({ sections }: { sections: readonly { id: string; label: string }[] }) {
  const jump = (id: string) => {
    const section = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    const heading = section.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  };
  return (
    <nav className="settings-nav" aria-label="Settings sections">
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <button type="button" className="link-button" onClick={() => jump(section.id)} data-testid={`settings-nav-${section.id}`}>
              {section.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
