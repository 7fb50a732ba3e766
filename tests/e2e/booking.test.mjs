// End to end in a real browser: a manager sets up a service and hours, a consumer in another
// time zone books it (a taken slot offers alternatives), reschedules and cancels by the
// manage link; stale and unknown links get their screens; every page passes axe-core.
// Run: node --test tests/e2e/booking.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApiClient, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';

const MANAGER = { email: 'mia@acme.test', password: 'manager-password-1', name: 'Mia Manager' };
const CONSUMER_ZONE = 'America/New_York';
const BUSINESS_ZONE = 'Europe/London';
// Far enough ahead that the 24 h consumer cutoffs never interfere, whatever the time of day.
const MIN_DAYS_AHEAD = 3;

let server, browser, api, providerId, businessId, staff, consumer;
const state = {};

async function expectAccessible(page, label) {
  const v = await axeViolations(page);
  assert.deepEqual(v, [], `axe on ${label}`);
}

function wall(instant, zone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

function dateIn(instant, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Clicks the first free day at least MIN_DAYS_AHEAD ahead (not `except`), paging months. */
async function pickFreeDay(page, zone, except) {
  const earliest = dateIn(Date.now() + MIN_DAYS_AHEAD * 86400000, zone);
  for (let month = 0; month < 3; month++) {
    await page.locator('table.month').waitFor();
    await page.locator('.calendar .loading').waitFor({ state: 'detached' });
    const dates = await page.locator('button.day-free').evaluateAll((els) => els.map((e) => e.dataset.date));
    const pick = dates.find((d) => d >= earliest && d !== except);
    if (pick) {
      await page.locator(`button.day-free[data-date="${pick}"]`).click();
      return pick;
    }
    const title = page.locator('.calendar-head h3');
    const shown = await title.textContent();
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForFunction((t) => document.querySelector('.calendar-head h3')?.textContent !== t, shown);
  }
  throw new Error('no free day found in three months');
}

describe('visitd web app', () => {
  before(async () => {
    server = await new VisitdServer().start();
    businessId = server.admin('create-business', '--slug', 'acme', '--name', 'Acme Clinic', '--zone', BUSINESS_ZONE).id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'acme', '--role', 'manager');
    api = new ApiClient(server.baseUrl);
    await api.login(MANAGER.email, MANAGER.password);
    providerId = (await api.ok('POST', `/api/v1/businesses/${businessId}/providers`, { name: 'Dr. Tess Ting', timeZone: BUSINESS_ZONE })).id;
    browser = await launch();
    staff = await newContext(browser, { timezoneId: BUSINESS_ZONE, viewport: { width: 1100, height: 900 } });
    consumer = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 360, height: 780 }, acceptDownloads: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a manager logs in and creates a service and weekly hours', async () => {
    const page = await staff.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await expectAccessible(page, 'staff login');
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await expectAccessible(page, 'appointments');

    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'New service' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Checkup');
    await page.getByRole('checkbox', { name: 'Dr. Tess Ting' }).check();
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question', { exact: true }).fill('Reason for visit');
    await page.getByRole('checkbox', { name: 'Required' }).check();
    await expectAccessible(page, 'service form');
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.getByRole('button', { name: 'Edit Checkup' }).waitFor();

    await page.getByRole('link', { name: 'Hours and time off' }).click();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await page.getByRole('button', { name: `Add hours on ${day}` }).click();
    }
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText('Saved.').waitFor();
    await expectAccessible(page, 'hours');

    const services = await api.ok('GET', `/api/v1/businesses/${businessId}/services`);
    assert.equal(services.items.length, 1);
    assert.deepEqual(services.items[0].providerIds, [providerId]);
    // No key was typed: the server derived it from the question's words.
    assert.equal(services.items[0].questions[0].key, 'reason_for_visit');
    const hours = await api.ok('GET', `/api/v1/businesses/${businessId}/providers/${providerId}/weekly-hours`);
    assert.deepEqual(hours.weekly.map((w) => [w.weekday, w.start, w.end]), [1, 2, 3, 4, 5, 6, 7].map((d) => [d, '09:00', '17:00']));
    state.serviceId = services.items[0].id;

    for (const section of ['Providers', 'Staff and roles', 'Business settings', 'Audit log', 'My hours']) {
      await page.getByRole('link', { name: section }).click();
      await page.getByRole('heading', { level: 1, name: section }).waitFor();
      // A page may load several panels at once (settings and message templates): wait for all.
      await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
      await expectAccessible(page, section);
    }
    assert.deepEqual(staff.problems, []);
  });

  it('a consumer in another zone books it, seeing their own times; a taken slot offers alternatives', async () => {
    const page = await consumer.newPage();
    await page.goto(`${server.baseUrl}/b/acme`);
    await page.getByRole('heading', { level: 1, name: 'Book an appointment with Acme Clinic' }).waitFor();
    assert.equal(await page.getByLabel('Times shown in').inputValue(), CONSUMER_ZONE);

    const day = await pickFreeDay(page, CONSUMER_ZONE);
    const first = page.locator('button.slot').first();
    const start = await first.getAttribute('data-start');
    // 09:00 in the provider's zone, shown as the consumer's wall clock.
    assert.equal(wall(start, BUSINESS_ZONE), '09:00');
    assert.equal(dateIn(start, CONSUMER_ZONE), day);
    const expected = new Intl.DateTimeFormat('en-US', { timeZone: CONSUMER_ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(start));
    assert.equal((await first.textContent()).trim(), expected);
    assert.notEqual(wall(start, CONSUMER_ZONE), '09:00');
    await expectAccessible(page, 'booking calendar');
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no sideways scrolling at 360 px');

    await first.click();
    await page.getByLabel('Reason for visit').fill('Annual checkup');
    await page.getByLabel('Full name').fill('Sam Lee');
    await page.getByLabel('Email').fill('sam@example.test');
    await page.getByLabel('Phone').fill('+1 212 555 0100');
    await expectAccessible(page, 'booking details');

    // Someone else takes the slot meanwhile.
    const other = await api.ok('POST', '/api/v1/public/businesses/acme/bookings', {
      serviceId: state.serviceId,
      start,
      consumer: { name: 'Other Person', email: 'other@example.test', timeZone: 'Europe/Paris' },
      answers: { reason_for_visit: 'First come' },
    });
    state.otherBookingId = other.booking.id;

    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('that time was just taken').waitFor();
    await expectAccessible(page, 'taken slot');
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Sam Lee');
    assert.equal(await page.getByLabel('Reason for visit').inputValue(), 'Annual checkup');
    const alt = page.locator('.alternatives button').first();
    state.bookedStart = await alt.getAttribute('data-start');
    assert.notEqual(state.bookedStart, start);
    // One click on an alternative books it (issue K).
    await alt.click();

    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    const when = await page.getByTestId('when').textContent();
    const expectedWhen = new Intl.DateTimeFormat('en-US', { timeZone: CONSUMER_ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(state.bookedStart));
    assert.ok(when.includes(expectedWhen), `${when} shows ${expectedWhen}`);
    await expectAccessible(page, 'confirmation');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()]);
    const ics = readFileSync(await download.path(), 'utf8');
    const utc = new Date(state.bookedStart).toISOString().replace(/[-:]/g, '').replace('.000', '');
    assert.match(ics, new RegExp(`DTSTART:${utc}\\r\\n`));

    state.manageUrl = (await page.getByTestId('manage-url').textContent()).trim();
    assert.match(state.manageUrl, /\/manage\//);
    await page.getByRole('link', { name: 'Join link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Join your video appointment' }).waitFor();
    await expectAccessible(page, 'join placeholder');
    assert.deepEqual(consumer.problems, []);
  });

  it('the consumer reschedules and cancels by the manage link', async () => {
    const page = await consumer.newPage();
    await page.goto(state.manageUrl);
    await page.getByRole('heading', { level: 1, name: 'Your appointment' }).waitFor();
    assert.equal(await page.getByTestId('status').textContent(), 'Confirmed');
    await page.getByText('You can reschedule until').waitFor();
    await expectAccessible(page, 'manage');

    await page.getByRole('button', { name: 'Reschedule' }).click();
    const oldDay = dateIn(state.bookedStart, CONSUMER_ZONE);
    await pickFreeDay(page, CONSUMER_ZONE, oldDay);
    const slot = page.locator('button.slot').nth(1);
    const newStart = await slot.getAttribute('data-start');
    await slot.click();
    await expectAccessible(page, 'reschedule');
    await page.getByRole('button', { name: /^Move to / }).click();
    await page.getByText('Your appointment was moved.').waitFor();

    // The reschedule replaced the links (issue H): the page moved on to the new manage link and
    // the old one answers 410 link-revoked.
    const oldToken = state.manageUrl.split('/').pop();
    assert.notEqual(page.url().split('/').pop(), oldToken);
    const stale = await api.request('GET', `/api/v1/manage/${oldToken}`);
    assert.equal(stale.status, 410);
    const token = page.url().split('/').pop();
    const view = await api.ok('GET', `/api/v1/manage/${token}`);
    assert.equal(Date.parse(view.booking.start), Date.parse(newStart));
    const newTime = new Intl.DateTimeFormat('en-US', { timeZone: CONSUMER_ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(newStart));
    assert.ok((await page.getByTestId('when').textContent()).includes(newTime));

    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.getByLabel('Reason').fill('Feeling better');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    // A cancelled booking's link shows only that it was cancelled (issue H).
    await page.getByRole('heading', { level: 1, name: 'This appointment was cancelled' }).waitFor();
    assert.equal(await page.getByText('Feeling better').count(), 0);
    await expectAccessible(page, 'cancelled');
    const after = await api.ok('GET', `/api/v1/businesses/${businessId}/bookings/${view.booking.id}`);
    assert.equal(after.status, 'cancelled');
    assert.equal(after.cancelReason, 'Feeling better');
    assert.deepEqual(consumer.problems, []);
  });

  it('staff see the other booking with consumer details and cancel it', async () => {
    const page = await staff.newPage();
    await page.goto(`${server.baseUrl}/staff/appointments`);
    const card = page.locator(`article[data-booking="${state.otherBookingId}"]`);
    await card.waitFor();
    await card.getByText('Details').click();
    await card.getByText('other@example.test').waitFor();
    await card.getByText('First come').waitFor();
    await expectAccessible(page, 'appointment details');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByLabel('Reason for cancelling').fill('Provider unavailable');
    await card.getByRole('button', { name: 'Cancel appointment' }).click();
    await card.waitFor({ state: 'detached' });
    const b = await api.ok('GET', `/api/v1/businesses/${businessId}/bookings/${state.otherBookingId}`);
    assert.equal(b.status, 'cancelled');
    assert.deepEqual(staff.problems, []);
  });

  it('a stale manage link shows the expired screen, a forged one the invalid screen', async () => {
    const page = await consumer.newPage();
    const expired = server.signCapability('manage', state.otherBookingId, 1, Math.floor(Date.now() / 1000) - 3600);
    await page.goto(`${server.baseUrl}/manage/${expired}`);
    await page.getByRole('heading', { level: 1, name: 'This link has expired' }).waitFor();
    await expectAccessible(page, 'expired link');

    await page.goto(`${server.baseUrl}/manage/${expired.slice(0, -4)}AAAA`);
    await page.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor();
    await expectAccessible(page, 'invalid link');

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Virtual appointments' }).waitFor();
    await expectAccessible(page, 'home');
    await page.goto(`${server.baseUrl}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectAccessible(page, 'not found');
    await page.goto(`${server.baseUrl}/b/nobody`);
    await page.getByText('We could not find this business').waitFor();
    await expectAccessible(page, 'unknown business');
    assert.deepEqual(consumer.problems, []);
  });
});
