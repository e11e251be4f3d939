import { useSyncExternalStore } from 'react';
import { local, readJson, writeJson } from './storage';

/**
 * Light or dark: the user's choice (system, light, dark), kept on this computer like other display
 * preferences, never in the workspace. "System" follows prefers-color-scheme, live. The resolved
 * theme is <html data-theme>, which the style sheets (theme.css) and the charts (EChart) read.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const KEY = 'fulcrum.theme';
const CHANGED = 'fulcrum-theme';

const media = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined);

export function readThemeChoice(): ThemeChoice {
  const stored = readJson<unknown>(local(), KEY, 'system');
  return (THEME_CHOICES as readonly unknown[]).includes(stored) ? (stored as ThemeChoice) : 'system';
}

export const resolveTheme = (choice: ThemeChoice, systemDark: boolean): Theme => (choice === 'system' ? (systemDark ? 'dark' : 'light') : choice);

function apply(): void {
  const theme = resolveTheme(readThemeChoice(), media()?.matches ?? false);
  if (document.documentElement.dataset.theme !== theme) {
    document.documentElement.dataset.theme = theme;
    window.dispatchEvent(new Event(CHANGED));
  }
}

export function saveThemeChoice(choice: ThemeChoice): void {
  writeJson(local(), KEY, choice);
  apply();
}

/** Sets the theme before the first paint and follows the system's changes. */
export function startTheme(): void {
  apply();
  media()?.addEventListener('change', apply);
}

const subscribe = (listener: () => void) => {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
};
const current = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** The theme in force, re-rendering when it changes. */
export const useTheme = (): Theme => useSyncExternalStore(subscribe, current, () => 'light');
