import { readFileSync } from 'node:fs';
import type { Grant, Role } from '../../src/shared/auth.js';
import type { OfficeSummary } from '../../src/shared/network.js';
import { createStaffUser } from '../support/auth.js';
import { type BrowserApp, expectNoSeriousA11yViolations, startBrowserApp } from '../support/browser.js';
import { signInThroughForm, staffPage } from './admin-helpers.js';

/** The demo region's accounts: one per role, each with the grants it ships with. */
const demo = JSON.parse(readFileSync('regions/lipetsk/staff.json', 'utf8')) as {
  login: Role;
  grants: Grant[];
}[];

const homeHeading: Record<Role, string> = {
  admin: 'Администрирование',
  operator: 'Рабочее место',
  backoffice: 'Рабочее место',
  callcenter: 'Рабочее место',
  office_head: 'Рабочее место',
  analyst: 'Рабочее место',
  catalog_editor: 'Рабочее место',
};

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('staff console: a home for every role', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  let offices: OfficeSummary[];
  beforeAll(async () => {
    app = await startBrowserApp();
    offices = await app.api<OfficeSummary[]>('/api/offices');
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(demo.map((account) => [account.login, account.grants] as const))(
    'gives %s a menu and a home page after signing in, never «Нет доступа»',
    async (role, grants) => {
      const user = await createStaffUser(app.database, { grants, fullName: `Проверка ${role}` });
      const page = await staffPage(app);
      await page.goto(`${app.baseUrl}/staff/login`);
      await signInThroughForm(page, user.login, user.password);
      await page.waitForURL(`${app.baseUrl}/admin`);
      await page.getByRole('heading', { level: 1, name: homeHeading[role] }).waitFor();
      const menu = page.getByRole('navigation', { name: 'Меню служебного раздела' });
      await menu.getByRole('link', { name: 'Главная' }).waitFor();
      expect(await menu.getByRole('link').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('access-denied').count()).toBe(0);
      expect(await page.getByText('Нет доступа').count()).toBe(0);
      // the home says which roles the user holds, in words
      const roles = page.getByRole('region', { name: 'Ваши роли' });
      expect(await roles.textContent()).not.toContain(role === 'office_head' ? 'office_head' : `${role}:`);
      if (role !== 'admin') {
        // the offices of the scope, with today's hours, and the catalog on the portal
        const mine = page.getByRole('region', { name: 'Мои офисы' });
        await mine
          .getByText(/Сегодня: /)
          .first()
          .waitFor();
        await menu.getByRole('link', { name: 'Мои офисы' }).waitFor();
        const names = await mine.getByRole('heading', { level: 3 }).allTextContents();
        const scope = grants[0].scope;
        const expected = offices.filter((o) =>
          scope.kind === 'region'
            ? true
            : scope.kind === 'district'
              ? o.district.code === scope.district
              : scope.offices.includes(o.code),
        );
        expect(new Set(names)).toEqual(new Set(expected.map((o) => o.name)));
      }
      if (role !== 'admin' && role !== 'catalog_editor') {
        expect(await menu.getByRole('link', { name: 'Каталог услуг' }).getAttribute('href')).toBe(
          '/services',
        );
      }
      await expectNoSeriousA11yViolations(page);
    },
  );

  it('lists an operator’s offices on «Мои офисы» in Russian order, read-only, with the portal page linked', async () => {
    const scoped = offices.slice(0, 3);
    const user = await createStaffUser(app.database, {
      grants: [{ role: 'operator', scope: { kind: 'offices', offices: scoped.map((o) => o.code) } }],
    });
    const page = await staffPage(app);
    await page.goto(`${app.baseUrl}/admin/my-offices`);
    await page.waitForURL(/\/staff\/login/);
    await signInThroughForm(page, user.login, user.password);
    await page.getByRole('heading', { level: 1, name: 'Мои офисы' }).waitFor();
    const mine = page.getByTestId('my-offices');
    await mine
      .getByText(/Сегодня: /)
      .first()
      .waitFor();
    const names = await mine.getByRole('heading', { level: 2 }).allTextContents();
    const byDistrictThenName = [...scoped]
      .sort(
        (a, b) =>
          a.district.name.localeCompare(b.district.name, 'ru', { sensitivity: 'base', numeric: true }) ||
          a.name.localeCompare(b.name, 'ru', { sensitivity: 'base', numeric: true }),
      )
      .map((o) => o.name);
    expect(names).toEqual(byDistrictThenName);
    expect(await mine.getByRole('link', { name: scoped[0].name }).getAttribute('href')).toBe(
      `/offices/${scoped[0].code}`,
    );
    await expectNoSeriousA11yViolations(page);
  });
});
