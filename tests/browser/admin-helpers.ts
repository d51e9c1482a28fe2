import type { Page } from 'playwright-core';
import type { BrowserApp } from '../support/browser.js';

/**
 * A fresh page for staff screens. Sign-in is deliberately costly (a memory-hard hash), and on a busy
 * 2-core machine running two test files at once it can take seconds: staff pages wait longer.
 */
export async function staffPage(app: BrowserApp): Promise<Page> {
  const page = await app.newPage();
  page.setDefaultTimeout(25_000);
  return page;
}

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
  const page = await staffPage(app);
  await page.goto(`${app.baseUrl}${path}`);
  await page.waitForURL(/\/staff\/login\?next=/);
  await signInThroughForm(page, login, password);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  return page;
}
