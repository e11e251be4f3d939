import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { RespondentMatches } from './RespondentMatches';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(node: React.ReactNode): HTMLDivElement {
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() => root.render(node));
  return container;
}

describe('RespondentMatches', () => {
  it('counts the answers by how their account was found and names the domains several accounts share', () => {
    const container = render(
      <RespondentMatches
        testId="r"
        respondents={{
          byContact: 1200,
          byAccount: 0,
          byDomain: 3,
          unmatched: 4,
          publicDomain: 1,
          ambiguous: [{ domain: 'twins.example', accounts: ['Twin One', 'Twin Two'], answers: 2 }],
        }}
      />,
    );
    const text = (id: string) => container.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(text('r-contact')).toBe('1,200');
    expect(text('r-domain')).toBe('3');
    expect(text('r-unmatched')).toBe('4');
    expect(container.querySelector('[data-testid="r-account"]')).toBeNull();
    expect(container.textContent).toContain('(1 from public mail domains such as gmail.com)');
    expect(text('r-ambiguous')).toBe('twins.example is the domain of Twin One and Twin Two (2 answers): add those respondents as contacts, or map an account column.');
  });

  it('shows nothing for imports that are not survey answers', () => {
    expect(render(<RespondentMatches testId="r" respondents={undefined} />).innerHTML).toBe('');
  });
});
