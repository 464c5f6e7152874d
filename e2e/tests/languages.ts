import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './demo-users';

export const uiLanguages = ['fi', 'sv', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** The browser's own language for each: the app's first language follows it. */
export const browserLocale: Record<UiLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

type Messages = { [key: string]: string | Messages };
const messages = Object.fromEntries(
  uiLanguages.map((language) => [
    language,
    JSON.parse(readFileSync(path.join(__dirname, `../../apps/web/src/locales/${language}.json`), 'utf8')) as Messages,
  ]),
) as Record<UiLanguage, Messages>;

/** A text of the app's language files, as the user reads it: the journeys find what a person would see. */
export function text(language: UiLanguage, key: string, values: Record<string, string | number> = {}): string {
  let found: string | Messages | undefined = messages[language];
  for (const part of key.split('.')) found = typeof found === 'object' ? found[part] : undefined;
  if (typeof found !== 'string') throw new Error(`no text ${key} in ${language}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

/** A context whose browser speaks the language, signed in through the sign-in page in that language. */
export async function signedInIn(
  browser: Browser,
  language: UiLanguage,
  email: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: browserLocale[language] });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: text(language, 'signIn.title') })).toBeVisible();
  await page.getByRole('textbox', { name: text(language, 'signIn.email') }).fill(email);
  await page.getByRole('textbox', { name: text(language, 'signIn.password') }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: text(language, 'signIn.submit'), exact: true }).click();
  return page;
}
