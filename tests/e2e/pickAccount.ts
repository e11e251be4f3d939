import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The picker's option for exactly `name` (its text may go on with " · industry"). */
export function accountOption(scope: Page | Locator, testId: string, name: string): Locator {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByTestId(`${testId}-option`).filter({ hasText: new RegExp(`^${escaped}( · |$)`) });
}

/** Chooses an account in an AccountPicker (components/AccountPicker.tsx) the way a user does: types its name, clicks it. */
export async function pickAccount(scope: Page | Locator, testId: string, name: string): Promise<void> {
  const input = scope.getByTestId(`${testId}-input`);
  await input.fill(name);
  await accountOption(scope, testId, name).click();
  await expect.poll(() => input.inputValue()).toBe(name);
  expect(await input.getAttribute('aria-expanded')).toBe('false');
}
