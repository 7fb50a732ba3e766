// The provider's workspace and the office manager's console in a real browser (issue K):
// private notes on a booking (kept on reload, never on the client's page), the audit log in
// names with filters (counts checked through the API), reminder offsets chosen as durations
// with the server's problem next to its field and focus on it, the template editor starting
// from the built-in text, the relay warning, no sideways scrolling at 360 px on every staff
// page, axe (wcag2a, wcag2aa) on every state, screenshots into build/screenshots/.
// Run: node --test tests/e2e/console.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, SOURCE_DIR, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';

const MANAGER = { email: 'mona@lakeside.test', password: 'manager-password-1', name: 'Mona Manager' };
const PROVIDER = { email: 'pia@lakeside.test', password: 'provider-password-1', name: 'Pia Provider' };
const ZONE = 'Europe/Vienna';
const SHOTS = join(process.env.VISITD_BUILD_DIR || join(SOURCE_DIR, 'build'), 'screenshots');
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
const NOTE = 'Left knee since March; prefers mornings.';

let server, browser, api, biz, businessId, providerId, serviceId, booking;

async function expectAccessible(page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
}

async function noSidewaysScroll(page, label) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // The innermost elements reaching past the right edge, to say what overflows.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`),
  }));
  assert.ok(scroll <= width, `${label}: scrollWidth ${scroll} > ${width} (${wide.join(', ')})`);
}

async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page, who) {
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
}

async function settled(page) {
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
}

describe('the provider’s workspace and the manager’s console', () => {
  before(async () => {
    server = await new VisitdServer().start();
    businessId = server.admin('create-business', '--slug', 'lakeside', '--name', 'Lakeside Clinic', '--zone', ZONE).id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'lakeside', '--role', 'manager');
    const pia = server.admin('create-user', '--email', PROVIDER.email, '--name', PROVIDER.name, '--password', PROVIDER.password, '--business', 'lakeside', '--role', 'provider');
    api = new ApiClient(server.baseUrl);
    await api.login(MANAGER.email, MANAGER.password);
    biz = `/api/v1/businesses/${businessId}`;
    providerId = (await api.ok('POST', `${biz}/providers`, { name: 'Dr. Pia Lund', timeZone: ZONE, userId: pia.id })).id;
    await api.ok('PUT', `${biz}/providers/${providerId}/weekly-hours`, { weekly: ALL_WEEK });
    serviceId = (
      await api.ok('POST', `${biz}/services`, {
        name: 'Knee check',
        durationMinutes: 30,
        slotIntervalMinutes: 30,
        providerIds: [providerId],
        questions: [{ label: 'What brings you in?', kind: 'shortText', required: true }],
      })
    ).id;
    const service = await api.ok('GET', `${biz}/services/${serviceId}`);
    const key = service.questions[0].key;
    const from = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 6 * 86400e3).toISOString().slice(0, 10);
    const slots = await api.ok('GET', `/api/v1/public/businesses/lakeside/slots?serviceId=${serviceId}&from=${from}&to=${to}&timeZone=${ZONE}`);
    const start = slots.days.flatMap((d) => d.slots)[0].start;
    booking = await api.ok('POST', '/api/v1/public/businesses/lakeside/bookings', {
      serviceId,
      providerId,
      start,
      consumer: { name: 'Karl Client', email: 'karl@example.test', timeZone: ZONE },
      answers: { [key]: 'Knee hurts on stairs' },
    });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a provider writes private notes on a booking; they survive a reload and never reach the client', async () => {
    const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, PROVIDER);
    await settled(page);
    // No TURN relay on this server: the dashboard says so.
    await page.getByTestId('relay-warning').waitFor();
    const card = page.locator(`article[data-booking="${booking.booking.id}"]`);
    await card.getByText('Details').first().click();
    const notes = card.getByLabel('Private notes');
    await notes.fill(NOTE);
    await card.getByRole('button', { name: 'Save notes' }).click();
    await card.getByText(/^Saved /).waitFor();
    await expectAccessible(page, 'booking details with notes');
    await shoot(page, 'staff-notes-1280');
    await page.reload();
    await settled(page);
    await card.getByText('Details').first().click();
    // The note loads when the details open; the box is read-only until it has.
    await card.locator('[data-testid=booking-notes] textarea:not([disabled])').waitFor();
    assert.equal(await card.getByLabel('Private notes').inputValue(), NOTE);
    assert.equal((await api.ok('GET', `${biz}/bookings/${booking.booking.id}/note`)).text, NOTE);
    const audit = await api.ok('GET', `${biz}/audit?action=booking.note`);
    assert.equal(audit.total, 1);
    assert.equal(audit.items[0].actorName, PROVIDER.name);
    assert.doesNotMatch(audit.items[0].detail, /knee/i);

    // The client's own page knows nothing of it.
    const client = await ctx.newPage();
    await client.goto(booking.manageUrl);
    await client.getByText('Knee check').first().waitFor();
    assert.doesNotMatch(await client.evaluate(() => document.body.innerText), /prefers mornings/);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('the audit log reads in names and filters by who, what and when', async () => {
    const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, MANAGER);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await settled(page);
    const all = await api.ok('GET', `${biz}/audit?limit=50`);
    assert.equal(await page.getByTestId('audit-count').textContent(), `Showing ${all.items.length} of ${all.total} entries`);
    const created = page.locator('tr[data-action="provider.create"]');
    assert.deepEqual(await created.locator('td').nth(1).textContent(), MANAGER.name);
    assert.equal(await created.locator('td').nth(2).textContent(), 'Added a provider');
    assert.equal(await created.locator('td').nth(3).textContent(), 'Dr. Pia Lund');
    const booked = page.locator('tr[data-action="booking.create"]');
    assert.equal(await booked.locator('td').nth(1).textContent(), 'A client (booking link)');
    assert.equal(await booked.locator('td').nth(3).textContent(), 'Karl Client');
    // No raw ids anywhere in the who and target columns.
    const cells = await page.locator('tbody tr td:nth-child(2), tbody tr td:nth-child(4)').allTextContents();
    assert.ok(cells.every((c) => !/^(user|token|booking|provider|service):/.test(c)), cells.join(' | '));
    await expectAccessible(page, 'audit log');
    await shoot(page, 'staff-audit-1280');

    await page.getByLabel('What', { exact: true }).selectOption('booking');
    await page.getByLabel('Who', { exact: true }).selectOption({ label: PROVIDER.name });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const expected = await api.ok('GET', `${biz}/audit?limit=50&action=booking&actor=${encodeURIComponent(`user:${(await api.ok('GET', `${biz}/staff`)).items.find((m) => m.user.email === PROVIDER.email).user.id}`)}`);
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, expected.items.length);
    assert.equal(expected.total, 1);
    assert.deepEqual(await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))), ['booking.note']);
    // A period in the future holds nothing.
    await page.getByLabel('From (date)').fill('2099-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('Showing 0 of 0 entries').waitFor();
    await expectAccessible(page, 'filtered audit log');
    await page.setViewportSize({ width: 390, height: 900 });
    await shoot(page, 'staff-audit-390');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('reminders are chosen as durations; a bad one is named next to its row and takes focus', async () => {
    const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, MANAGER);
    await page.getByRole('link', { name: 'Business settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Business settings' }).waitFor();
    await settled(page);
    // Start from none, then "1 day before" and "1 hour before".
    while (await page.getByRole('button', { name: /^Remove reminder/ }).count()) {
      await page.getByRole('button', { name: /^Remove reminder/ }).first().click();
    }
    await page.getByRole('button', { name: 'Add a reminder' }).click();
    await page.getByLabel('Reminder 1: how long before').fill('1');
    await page.getByLabel('Reminder 1: unit').selectOption('days');
    await page.getByRole('button', { name: 'Add a reminder' }).click();
    await page.getByLabel('Reminder 2: how long before').fill('1');
    await page.getByLabel('Reminder 2: unit').selectOption('hours');
    assert.deepEqual(await page.getByLabel('Reminder 1: unit').locator('option:checked').textContent(), 'day');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByText('Saved.').first().waitFor();
    assert.deepEqual((await api.ok('GET', biz)).rules.reminderOffsetsMinutes, [1440, 60]);
    await expectAccessible(page, 'settings with reminders');
    await shoot(page, 'staff-settings-1280');

    // A reminder 60 days ahead is more than the server allows: its row says why, with focus.
    await page.getByLabel('Reminder 2: how long before').fill('60');
    await page.getByLabel('Reminder 2: unit').selectOption('days');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    const problem = page.locator('.reminder-row .field-error');
    await problem.waitFor();
    assert.match(await problem.textContent(), /^Must be an integer from 1 to \d+\.$/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-reminder') === '1');
    await expectAccessible(page, 'settings with a reminder error');
    assert.deepEqual((await api.ok('GET', biz)).rules.reminderOffsetsMinutes, [1440, 60], 'nothing half-written');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('every staff page fits a 360 px phone without sideways scrolling and passes axe', async () => {
    for (const who of [MANAGER, PROVIDER]) {
      const ctx = await newContext(browser, { timezoneId: ZONE, viewport: { width: 360, height: 800 } });
      const page = await ctx.newPage();
      await signIn(page, who);
      const links = await page.locator('.staff-nav a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      assert.ok(links.length >= 2);
      for (const [name, href] of links) {
        await page.goto(server.baseUrl + href);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await settled(page);
        await noSidewaysScroll(page, `${name} at 360 px (${who.email})`);
        await expectAccessible(page, `${name} at 360 px`);
      }
      if (who === PROVIDER) {
        await page.goto(`${server.baseUrl}/staff/appointments`);
        await settled(page);
        await page.locator(`article[data-booking="${booking.booking.id}"]`).getByText('Details').first().click();
        await page.getByLabel('Private notes').waitFor();
        await noSidewaysScroll(page, 'notes at 360 px');
        await shoot(page, 'staff-notes-390');
      }
      assert.deepEqual(ctx.problems, []);
      await ctx.close();
    }
  });
});
