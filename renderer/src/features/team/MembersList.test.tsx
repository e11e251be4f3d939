import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MembersList } from './MembersList';

const render = (element: React.ReactElement) => {
  const host = document.createElement('div');
  host.innerHTML = renderToStaticMarkup(element);
  return host;
};

describe('MembersList', () => {
  it('lists each member with name, login and role in words, marking the viewer', () => {
    const host = render(
      <MembersList
        me="dana"
        members={[
          { login: 'dana', displayName: 'Dana Reyes', role: 'csm' },
          { login: 'max', displayName: 'Max Weber', role: 'manager' },
        ]}
      />,
    );
    const rows = [...host.querySelectorAll('[data-testid="team-member"]')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Dana Reyes (you)', 'dana', 'Customer success manager'],
      ['Max Weber', 'max', 'Manager'],
    ]);
  });

  it('says so when there are none, while loading, and when the server could not be read', () => {
    expect(render(<MembersList members={[]} />).querySelector('[data-testid="team-members-empty"]')!.textContent).toMatch(/admin adds/);
    expect(render(<MembersList members={undefined} />).textContent).toBe('Loading members…');
    expect(render(<MembersList members={undefined} error="the team server: connection refused" />).querySelector('[role="alert"]')!.textContent).toMatch(/connection refused/);
  });
});
