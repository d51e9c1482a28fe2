import type { Page } from 'playwright-core';
import type { BrowserApp } from '../support/browser.js';

/** Signs in through the staff form (the page must show it) and waits to leave the sign-in page. */
export async function signInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** Opens a staff page signed in as `login`: goes there, is sent to the form, signs in, comes back. */
export async function openSignedIn(
  app: BrowserApp,
  path: string,
  login: string,
  password = 'demo',
): Promise<Page> {
  const page = await app.newPage();
  await page.goto(`${app.baseUrl}${path}`);
  await page.waitForURL(/\/staff\/login\?next=/);
  await signInThroughForm(page, login, password);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  return page;
}
