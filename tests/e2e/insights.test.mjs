// Insights for the manager in a real browser (issue K): charts drawn by Chart.js against
// seeded bookings, the key figures and each chart's table checked against the numbers the
// API reports for the same filters, the CSV download, a refused filter shown as a sentence next
// to its field with focus on it, axe (wcag2a, wcag2aa), 360 px without sideways scrolling,
// dark mode, and screenshots at 1280 and 390 px into build/screenshots/.
// Run: node --test tests/e2e/insights.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, SOURCE_DIR, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';

const MANAGER = { email: 'mia@harbour.test', password: 'manager-password-1', name: 'Mia Manager' };
const ZONE = 'Australia/Sydney';
const SHOTS = join(process.env.VISITD_BUILD_DIR || join(SOURCE_DIR, 'build'), 'screenshots');
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

let server, browser, api, biz, from, to;
const providers = {};

async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page) {
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Email').fill(MANAGER.email);
  await page.getByLabel('Password').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
}

async function openInsights(page) {
  await page.getByRole('link', { name: 'Insights' }).click();
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
}

async function show(page, filter) {
  await page.getByLabel('From', { exact: true }).fill(filter.from);
  await page.getByLabel('To', { exact: true }).fill(filter.to);
  if (filter.provider) await page.getByLabel('Provider', { exact: true }).selectOption({ label: filter.provider });
  await page.getByRole('button', { name: 'Show' }).click();
}

async function chartsDrawn(page) {
  for (const id of ['chart-days', 'chart-weeks', 'chart-utilisation', 'chart-lead', 'chart-reminders'])
    await page.locator(`[data-testid=${id}][data-drawn=true]`).waitFor();
}

/** A share as the page's own locale writes it. */
function percentIn(page, share) {
  return page.evaluate((s) => (s === null ? '–' : new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(s)), share);
}

async function noSidewaysScroll(page, label) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label}: scrollWidth ${scroll} > ${width}`);
}

// One server and browser for both suites below.
before(async () => {
    server = await new VisitdServer().start();
    const businessId = server.admin('create-business', '--slug', 'harbour', '--name', 'Harbour Physio', '--zone', ZONE).id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'harbour', '--role', 'manager');
    api = new ApiClient(server.baseUrl);
    await api.login(MANAGER.email, MANAGER.password);
    biz = `/api/v1/businesses/${businessId}`;
    for (const name of ['Dr. Noor Haddad', 'Dr. Sam Okafor']) {
      providers[name] = (await api.ok('POST', `${biz}/providers`, { name, timeZone: ZONE })).id;
      await api.ok('PUT', `${biz}/providers/${providers[name]}/weekly-hours`, { weekly: ALL_WEEK });
    }
    const serviceId = (
      await api.ok('POST', `${biz}/services`, { name: 'Back check', durationMinutes: 30, slotIntervalMinutes: 30, providerIds: Object.values(providers) })
    ).id;
    // Seed: three bookings with Noor and one with Sam over a few days; one of Noor's cancelled.
    const first = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 10);
    const last = new Date(Date.now() + 8 * 86400e3).toISOString().slice(0, 10);
    const slotsOf = async (providerId) =>
      (await api.ok('GET', `/api/v1/public/businesses/harbour/slots?serviceId=${serviceId}&providerId=${providerId}&from=${first}&to=${last}&timeZone=${ZONE}`)).days;
    const book = (providerId, start, n) =>
      api.ok('POST', '/api/v1/public/businesses/harbour/bookings', {
        serviceId,
        providerId,
        start,
        consumer: { name: `Client ${n}`, email: `client${n}@example.test`, timeZone: ZONE },
      });
    const noorDays = await slotsOf(providers['Dr. Noor Haddad']);
    const noor = [noorDays[0].slots[0], noorDays[0].slots[4], noorDays[2].slots[1]];
    const booked = [];
    for (const [i, s] of noor.entries()) booked.push(await book(providers['Dr. Noor Haddad'], s.start, i));
    const samDays = await slotsOf(providers['Dr. Sam Okafor']);
    booked.push(await book(providers['Dr. Sam Okafor'], samDays[1].slots[2].start, 9));
    await api.ok('POST', `${biz}/bookings/${booked[1].booking.id}/cancel`, { reason: 'moved away' });
    from = noorDays[0].date;
    to = noorDays[2].date;
    browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('insights for the manager', () => {
  it('draws the charts for the seeded bookings and shows the numbers the API reports', async () => {
    const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await signIn(page);
    await openInsights(page);
    await show(page, { from, to });
    await chartsDrawn(page);
    const report = await api.ok('GET', `${biz}/insights?from=${from}&to=${to}`);
    assert.equal(report.totals.bookings, 4);
    assert.equal(report.totals.cancelled, 1);
    assert.equal(await page.getByTestId('fig-bookings').textContent(), String(report.totals.bookings));
    assert.equal(await page.getByTestId('fig-cancellation').textContent(), await percentIn(page, report.rates.cancellation));
    assert.equal(await page.getByTestId('fig-reminders-sent').textContent(), await percentIn(page, report.reminders.all.deliveryRate));
    // A drawn chart has a real size.
    const box = await page.locator('[data-testid=chart-days] canvas').boundingBox();
    assert.ok(box.width > 300 && box.height > 100, JSON.stringify(box));
    // The day chart's numbers, row by row, are the API's days.
    await page.getByTestId('chart-days').getByText('Show the numbers').click();
    const rows = await page.locator('[data-testid=chart-days] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(
      rows,
      report.days.map((d) => [d.bookings, d.confirmed, d.completed, d.noShow, d.cancelled].map(String)),
    );
    // Utilisation per provider, as the API computed it.
    await page.getByTestId('chart-utilisation').getByText('Show the numbers').click();
    for (const p of report.providers) {
      const cell = page.locator(`[data-testid=chart-utilisation] tr[data-provider="${p.providerId}"] [data-testid=utilisation]`);
      assert.equal(await cell.textContent(), await percentIn(page, p.utilisation));
    }
    assert.deepEqual(await axeViolations(page), [], 'axe on insights with the numbers open');
    await shoot(page, 'staff-insights-1280');

    // The CSV download carries the same totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('insights-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /^insights-.*\.csv$/);
    assert.ok(csv.split('\r\n').includes(`totals,,,bookings,${report.totals.bookings}`), csv.slice(0, 200));

    // Filtered to one provider: the page follows the API's filtered numbers.
    await show(page, { from, to, provider: 'Dr. Sam Okafor' });
    await page.getByTestId('fig-bookings').filter({ hasText: /^1$/ }).waitFor();
    const sam = await api.ok('GET', `${biz}/insights?from=${from}&to=${to}&providerId=${providers['Dr. Sam Okafor']}`);
    assert.equal(sam.totals.bookings, 1);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('a refused period is a sentence next to its field, with focus on it', async () => {
    const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page);
    await openInsights(page);
    await page.locator('[data-testid=chart-days][data-drawn=true]').waitFor();
    await show(page, { from: '2024-01-01', to: '2025-06-30' }); // longer than a year
    const toField = page.getByLabel('To', { exact: true });
    await page.locator('.field-error').filter({ hasText: 'Must be at most 366 days after from.' }).waitFor();
    assert.equal(await toField.getAttribute('aria-invalid'), 'true');
    assert.ok(await toField.evaluate((e) => e === document.activeElement), 'focus is on the refused field');
    assert.deepEqual(await axeViolations(page), [], 'axe on the refused filter');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('fits a 390 px phone, and follows dark mode', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 390, height: 900 }, colorScheme });
      const page = await ctx.newPage();
      await signIn(page);
      await openInsights(page);
      await show(page, { from, to });
      await chartsDrawn(page);
      await noSidewaysScroll(page, `insights at 390 px (${colorScheme})`);
      assert.deepEqual(await axeViolations(page), [], `axe on insights at 390 px (${colorScheme})`);
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const channels = bg.match(/\d+/g).slice(0, 3).map(Number);
      const light = channels.reduce((a, b) => a + b, 0) / 3 > 128;
      assert.equal(light, colorScheme === 'light', `${colorScheme} background is ${bg}`);
      await shoot(page, `staff-insights-390${colorScheme === 'dark' ? '-dark' : ''}`);
      assert.deepEqual(ctx.problems, []);
      await ctx.close();
    }
  });
});

// Every server problem as a sentence next to its field on the Services, Team and Providers
// forms, with focus moved to that field after the failed submit (issue K, "Everywhere").
describe('console forms put the server’s problem next to its field', () => {
  async function refusedAt(page, form, field) {
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `${form}: the field is marked`);
    const focused = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id}`);
    assert.ok(await field.evaluate((e) => e === document.activeElement), `${form}: focus is on the refused field, not ${focused}`);
    const describedBy = await field.getAttribute('aria-describedby');
    const sentence = await page.locator(`#${describedBy.split(' ').pop()}`).textContent();
    assert.match(sentence, /^[A-Z].*\.$/, `${form}: "${sentence}" is a sentence`);
    assert.deepEqual(await axeViolations(page), [], `axe on ${form} with a problem`);
  }

  it('services, team and providers', async () => {
    const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page);

    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'New service' }).click();
    const serviceForm = page.getByRole('form', { name: 'New service' });
    await serviceForm.getByLabel('Name', { exact: true }).fill('Zero minutes');
    await serviceForm.getByLabel(/^Duration/).fill('0');
    await serviceForm.getByRole('button', { name: 'Create service' }).click();
    await refusedAt(page, 'service', serviceForm.getByLabel(/^Duration/));

    await page.getByRole('link', { name: 'Staff and roles' }).click();
    // Adding a person is an invitation (issue H): inviting someone already on the team is refused at the address.
    const teamForm = page.getByRole('form', { name: 'Invite a person' });
    await teamForm.getByLabel('Email').fill(MANAGER.email);
    await teamForm.getByRole('button', { name: 'Send invitation' }).click();
    await refusedAt(page, 'team', teamForm.getByLabel('Email'));

    await page.getByRole('link', { name: 'Providers' }).click();
    const providerForm = page.getByRole('form', { name: 'Add provider' });
    await providerForm.getByLabel('Name', { exact: true }).fill('N'.repeat(300));
    await providerForm.getByRole('button', { name: 'Add provider' }).click();
    await refusedAt(page, 'providers', providerForm.getByLabel('Name', { exact: true }));
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
});
