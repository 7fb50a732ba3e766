// A clinic's own face in a real browser (issue K): a manager sets up the profile, logo,
// service and provider words in the console; the consumer sees the clinic (never "visitd"),
// its policy and contact before booking, books an alternative with one click after a
// conflict, lands on a confirmation with its own address that survives a reload, and the
// join page tells a cancelled appointment from an ended one. Also: the next free day jump,
// the searchable zone picker, arrow keys on the calendar, focus on errors, dark mode, no
// sideways scrolling at 360 px, axe on every state, screenshots into build/screenshots/.
// Run: node --test tests/e2e/brand.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, SOURCE_DIR, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';

const MANAGER = { email: 'nora@harbour.test', password: 'manager-password-1', name: 'Nora Manager' };
const BUSINESS_ZONE = 'Europe/Berlin';
const CONSUMER_ZONE = 'America/New_York';
const ACCENT = '#f5a623'; // a light orange: unreadable under white text, so it must be adjusted
const SHOTS = join(process.env.VISITD_BUILD_DIR || join(SOURCE_DIR, 'build'), 'screenshots');
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
// A 1x1 PNG and a 1x1 WebP-free "image" that is really text.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let server, browser, api, biz, businessId, providerId, serviceId;
const state = {};

async function expectAccessible(page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
}

async function noSidewaysScroll(page, label) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label}: scrollWidth ${scroll} > ${width}`);
}

async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The consumer never reads the server's own name: not in the page, not in the title. */
async function noServerName(page, label) {
  const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  assert.doesNotMatch(text, /visitd/i, `${label} shows "visitd"`);
}

async function firstFreeDay(page) {
  for (let month = 0; month < 3; month++) {
    await page.locator('table.month').waitFor();
    await page.locator('.calendar .loading').waitFor({ state: 'detached' });
    const free = page.locator('button.day-free');
    if (await free.count()) return free;
    const shown = await page.locator('.calendar-head h3').textContent();
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForFunction((t) => document.querySelector('.calendar-head h3')?.textContent !== t, shown);
  }
  throw new Error('no free day in three months');
}

describe('the clinic’s brand, policy and confirmation', () => {
  before(async () => {
    server = await new VisitdServer().start();
    businessId = server.admin('create-business', '--slug', 'harbour', '--name', 'Harbour Physio', '--zone', BUSINESS_ZONE).id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'harbour', '--role', 'manager');
    api = new ApiClient(server.baseUrl);
    await api.login(MANAGER.email, MANAGER.password);
    biz = `/api/v1/businesses/${businessId}`;
    providerId = (await api.ok('POST', `${biz}/providers`, { name: 'Dr. Jonas Berg', timeZone: BUSINESS_ZONE })).id;
    await api.ok('PUT', `${biz}/providers/${providerId}/weekly-hours`, { weekly: ALL_WEEK });
    serviceId = (
      await api.ok('POST', `${biz}/services`, {
        name: 'Back assessment',
        durationMinutes: 30,
        slotIntervalMinutes: 30,
        minNoticeMinutes: 120,
        bookingWindowDays: 60,
        providerIds: [providerId],
        questions: [],
      })
    ).id;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the API refuses a logo that is not an image or too large, naming the field', async () => {
    const put = (body, type) =>
      fetch(`${server.baseUrl}${biz}/logo`, { method: 'PUT', headers: { 'Content-Type': type, Cookie: api.cookie, 'X-CSRF-Token': api.csrf }, body });
    const text = await put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml');
    assert.equal(text.status, 415);
    assert.equal((await text.json()).errors[0].field, 'logo');
    const lying = await put(Buffer.from('not a png at all'), 'image/png');
    assert.equal(lying.status, 415);
    const huge = await put(Buffer.concat([PNG, Buffer.alloc(300 * 1024)]), 'image/png');
    assert.equal(huge.status, 413);
    const bad = await api.request('PUT', `${biz}/profile`, { accentColor: 'orange', contact: { email: 'nope' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e) => e.field).sort(), ['accentColor', 'contact.email']);
    const price = await api.request('PUT', `${biz}/services/${serviceId}/profile`, { price: { amount: '12,50', currency: 'euro' } });
    assert.deepEqual(price.body.errors.map((e) => e.field).sort(), ['price.amount', 'price.currency']);
    const profile = await api.ok('GET', `${biz}/profile`);
    assert.equal(profile.logoUrl, null, 'nothing half-written');
  });

  it('a manager sets up the clinic profile, logo and the words on services and providers', async () => {
    const ctx = await newContext(browser, { timezoneId: BUSINESS_ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await page.getByRole('link', { name: 'Clinic profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clinic profile' }).waitFor();

    await page.getByLabel('Short description').fill('Physiotherapy by the harbour, in person and by video.');
    await page.getByLabel('Contact phone').fill('+49 40 555 0100');
    await page.getByLabel('Contact email').fill('hello@harbour.test');
    await page.getByLabel('Address').fill('Kai 1\n20457 Hamburg');
    await page.getByLabel('Accent colour').fill(ACCENT);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Profile saved.').waitFor();

    // A file that is not an image is refused before upload, and focus goes to the field.
    const file = page.getByLabel('Logo file');
    await file.setInputFiles({ name: 'logo.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await page.getByText('The logo must be a PNG, JPEG or WebP image.', { exact: true }).first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'file');
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await page.getByText('Logo saved.').waitFor();
    await page.getByTestId('logo-preview').waitFor();

    const svc = page.locator(`form[data-service="${serviceId}"]`);
    await svc.getByLabel('Description of Back assessment').fill('A first look at your back: history, movement tests and a plan.');
    await svc.getByLabel('Price').fill('45.50');
    await svc.getByLabel('Currency').fill('EUR');
    await svc.getByRole('button', { name: 'Save Back assessment' }).click();
    await page.getByText('Back assessment saved.').waitFor();

    const prov = page.locator(`form[data-provider="${providerId}"]`);
    await prov.getByLabel('Title of Dr. Jonas Berg').fill('Physiotherapist');
    await prov.getByLabel('About Dr. Jonas Berg').fill('Twenty years of sports and back care.');
    await prov.getByRole('button', { name: 'Save Dr. Jonas Berg' }).click();
    await page.getByText('Dr. Jonas Berg saved.').waitFor();
    await expectAccessible(page, 'clinic profile');
    await shoot(page, 'staff-profile-1280');

    const profile = await api.ok('GET', '/api/v1/public/businesses/harbour/profile');
    assert.equal(profile.accentColor, ACCENT);
    assert.deepEqual(profile.contact, { phone: '+49 40 555 0100', email: 'hello@harbour.test', address: 'Kai 1\n20457 Hamburg' });
    assert.deepEqual(profile.services, [{ id: serviceId, description: 'A first look at your back: history, movement tests and a plan.', price: { amount: '45.50', currency: 'EUR' } }]);
    assert.deepEqual(profile.providers, [{ id: providerId, title: 'Physiotherapist', bio: 'Twenty years of sports and back care.', photoUrl: null }]);
    const logo = await fetch(server.baseUrl + profile.logoUrl);
    assert.equal(logo.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await logo.arrayBuffer()), PNG);
    await page.setViewportSize({ width: 360, height: 800 });
    await noSidewaysScroll(page, 'clinic profile at 360 px');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  for (const width of [390, 1280]) {
    it(`the booking page at ${width} px shows the clinic, its policy and contact before booking`, async () => {
      const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${server.baseUrl}/b/harbour`);
      await page.getByRole('heading', { level: 1, name: 'Book an appointment with Harbour Physio' }).waitFor();
      await page.getByRole('img', { name: 'Harbour Physio logo' }).waitFor();
      assert.ok(await page.getByRole('img', { name: 'Harbour Physio logo' }).evaluate((img) => img.complete && img.naturalWidth === 1));
      await page.getByText('Physiotherapy by the harbour, in person and by video.').waitFor();
      await page.getByText('A first look at your back').waitFor();
      const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(45.5);
      await page.getByText(price).waitFor();
      await page.getByText('Dr. Jonas Berg, Physiotherapist').waitFor();
      await page.getByText('Twenty years of sports and back care.').waitFor();
      const policy = page.getByTestId('policy');
      await policy.getByText('Book at least 2 hours ahead.').waitFor();
      await policy.getByText(/You can book up to 60 days ahead \(until .+\)\./).waitFor();
      await policy.getByText('You can cancel or reschedule online until 1 day before the start.').waitFor();
      const contact = page.getByTestId('clinic-contact');
      await contact.getByRole('link', { name: '+49 40 555 0100' }).waitFor();
      assert.equal(await contact.getByRole('link', { name: 'hello@harbour.test' }).getAttribute('href'), 'mailto:hello@harbour.test');
      await contact.getByText('20457 Hamburg').waitFor();
      await noServerName(page, 'booking page');

      // The accent colour is the clinic's, darkened until white text on it is readable.
      const colours = await page.evaluate(() => {
        const b = getComputedStyle(document.querySelector('.btn-primary'));
        return { bg: b.backgroundColor, fg: b.color };
      });
      assert.notEqual(colours.bg, 'rgb(31, 78, 140)', 'not the default blue');
      const lum = (rgb) => {
        const [r, g, b] = rgb.match(/\d+/g).map(Number).map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [hi, lo] = [lum(colours.bg), lum(colours.fg)].sort((a, b) => b - a);
      assert.ok((hi + 0.05) / (lo + 0.05) >= 4.5, 'button text readable on the accent');

      await firstFreeDay(page);
      await expectAccessible(page, `booking page ${width}`);
      await noSidewaysScroll(page, `booking page ${width}`);
      await shoot(page, `book-${width}`);
      assert.deepEqual(ctx.problems, []);
      await ctx.close();
    });
  }

  it('the zone picker searches current zone names with offsets, without legacy aliases', async () => {
    const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 390, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/b/harbour`);
    const select = page.getByLabel('Times shown in');
    await select.waitFor();
    assert.equal(await select.inputValue(), CONSUMER_ZONE);
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(values.includes('Asia/Kolkata') && !values.includes('Asia/Calcutta'), 'current names');
    assert.ok(!values.some((v) => /^(US|Etc)\/|^EST5EDT$/.test(v)), 'no legacy aliases');
    await page.getByLabel('Search time zones').fill('tokyo');
    await page.waitForFunction(() => document.querySelector('.zone-picker select').value === 'Asia/Tokyo');
    const label = await select.locator('option:checked').textContent();
    assert.match(label, /^Tokyo .*\(GMT\+9\)$/);
    await page.getByText('1 time zone matches').waitFor();
    // Slots follow the zone: the first free time is shown on Tokyo's wall clock.
    await (await firstFreeDay(page)).first().click();
    const slot = page.locator('button.slot').first();
    const start = await slot.getAttribute('data-start');
    const tokyo = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' }).format(new Date(start));
    assert.equal((await slot.textContent()).trim(), tokyo);
    await expectAccessible(page, 'zone search');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('a taken slot is replaced by an alternative in one click; the confirmation has its own address', async () => {
    const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 390, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/b/harbour`);
    await page.getByRole('heading', { level: 1, name: 'Book an appointment with Harbour Physio' }).waitFor();

    // A failed submit moves focus to the list of problems.
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('Please fix 1 problem:').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert');

    const day = (await firstFreeDay(page)).first();
    // Arrow keys move between free days.
    await day.focus();
    const from = await day.getAttribute('data-date');
    const freeDates = await page.locator('button.day-free').evaluateAll((els) => els.map((e) => e.dataset.date));
    const next = freeDates.find((d) => d > from);
    if (next) {
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.date), next);
      await page.keyboard.press('ArrowLeft');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.date), from);
    }
    await page.keyboard.press('Enter');
    const slot = page.locator('button.slot').first();
    const start = await slot.getAttribute('data-start');
    await slot.click();
    await page.getByLabel('Full name').fill('Lea Park');
    await page.getByLabel('Email').fill('lea@example.test');

    await api.ok('POST', '/api/v1/public/businesses/harbour/bookings', {
      serviceId,
      start,
      consumer: { name: 'Quick Person', email: 'quick@example.test', timeZone: 'Europe/Paris' },
      answers: {},
    });
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText('that time was just taken').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert', 'focus on the conflict');
    // The list refreshed: the taken time is no longer offered.
    await page.waitForFunction((s) => !document.querySelector(`button.slot[data-start="${s}"]`), start);
    await expectAccessible(page, 'taken slot');
    const alt = page.locator('.alternatives button').first();
    const altStart = await alt.getAttribute('data-start');
    await alt.click();

    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/b\/harbour\/booked\/[^/]+$/);
    const when = new Intl.DateTimeFormat('en-US', { timeZone: CONSUMER_ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(altStart));
    assert.ok((await page.getByTestId('when').textContent()).includes(when));

    // A reload shows the same confirmation, links included.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    assert.ok((await page.getByTestId('when').textContent()).includes(when));
    state.manageUrl = (await page.getByTestId('manage-url').textContent()).trim();
    state.joinPath = await page.getByRole('link', { name: 'Join link' }).getAttribute('href');
    const google = new URL(await page.getByTestId('google-calendar').getAttribute('href'));
    assert.equal(google.host, 'calendar.google.com');
    const compact = (iso) => new Date(iso).toISOString().replace(/[-:]/g, '').replace('.000', '');
    assert.equal(google.searchParams.get('dates'), `${compact(altStart)}/${compact(Date.parse(altStart) + 30 * 60000)}`);
    assert.match(google.searchParams.get('details'), /\/manage\//);
    const outlook = new URL(await page.getByTestId('outlook-calendar').getAttribute('href'));
    assert.equal(outlook.host, 'outlook.live.com');
    assert.equal(Date.parse(outlook.searchParams.get('startdt')), Date.parse(altStart));
    await page.getByTestId('policy').waitFor();
    await page.getByTestId('clinic-contact').getByRole('link', { name: '+49 40 555 0100' }).waitFor();
    await page.getByRole('img', { name: 'Harbour Physio logo' }).waitFor();
    await noServerName(page, 'confirmation');
    await expectAccessible(page, 'confirmation');
    await noSidewaysScroll(page, 'confirmation');
    await shoot(page, 'booked-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'booked-1280');

    // The manage page: the clinic, its contact, and times in the viewer's detected zone.
    await page.goto(state.manageUrl);
    await page.getByRole('heading', { level: 1, name: 'Your appointment' }).waitFor();
    await page.getByRole('img', { name: 'Harbour Physio logo' }).waitFor();
    await page.getByTestId('clinic-contact').getByText('hello@harbour.test').waitFor();
    assert.equal(await page.getByLabel('Times shown in').inputValue(), CONSUMER_ZONE);
    await noServerName(page, 'manage');
    await expectAccessible(page, 'manage');
    await shoot(page, 'manage-1280');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('the join page of a moved, then cancelled appointment says so, in the clinic’s colours', async () => {
    const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.baseUrl + state.joinPath);
    await page.getByRole('heading', { level: 1, name: 'Join your video appointment' }).waitFor();
    await page.getByText('It is too early to join').waitFor();
    const token = state.manageUrl.split('/').pop();
    const view = await api.ok('GET', `/api/v1/manage/${token}`);
    // Moved by the clinic: the join page says from when to when.
    const from = view.booking.start;
    const day = new Date(Date.parse(from) + 2 * 86400000).toISOString().slice(0, 10);
    const free = await api.ok('GET', `/api/v1/public/businesses/harbour/slots?serviceId=${serviceId}&from=${day}&to=${day}&timeZone=UTC`);
    const to = free.days.flatMap((d) => d.slots)[0].start;
    const movedAnswer = await api.ok('POST', `${biz}/bookings/${view.booking.id}/reschedule`, { start: to });
    // The move revoked the links sent before (issue H): the old join link says so...
    await page.reload();
    await page.getByText('This link was replaced').waitFor();
    // ...and the new one, mailed with the notice, tells the move.
    await page.goto(new URL(movedAnswer.joinUrl, server.baseUrl).href);
    const moved = page.getByTestId('moved');
    await moved.waitFor();
    const fmt = (iso) => new Intl.DateTimeFormat('en-US', { timeZone: CONSUMER_ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
    const text = await moved.textContent();
    assert.match(text, /^This appointment was moved from .+ to .+\.$/);
    assert.ok(text.indexOf(fmt(from)) < text.lastIndexOf(fmt(to)), `${text} names both times`);
    await page.getByRole('img', { name: 'Harbour Physio logo' }).waitFor();
    await expectAccessible(page, 'moved join page');
    await api.ok('POST', `${biz}/bookings/${view.booking.id}/cancel`, { reason: 'Clinic closed' });
    await page.reload();
    // A cancelled booking's links answer 410 and show only that (issue H), with the clinic's
    // public face (k-polish: its logo and name in the header), never the server's name.
    await page.getByRole('heading', { level: 1, name: 'This appointment was cancelled' }).waitFor();
    await page.getByRole('img', { name: 'Harbour Physio logo' }).waitFor();
    await noServerName(page, 'cancelled join page');
    await expectAccessible(page, 'cancelled join page');
    await noSidewaysScroll(page, 'cancelled join page');
    await shoot(page, 'join-cancelled-360');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('an empty month offers the next free day, within the booking window it explains', async () => {
    // Bookable from 45 days ahead only: this month is always empty.
    const laterId = server.admin('create-business', '--slug', 'later', '--name', 'Later Clinic', '--zone', BUSINESS_ZONE).id;
    server.admin('create-user', '--email', 'lou@later.test', '--name', 'Lou', '--password', MANAGER.password, '--business', 'later', '--role', 'manager');
    const later = new ApiClient(server.baseUrl);
    await later.login('lou@later.test', MANAGER.password);
    const lb = `/api/v1/businesses/${laterId}`;
    const p = (await later.ok('POST', `${lb}/providers`, { name: 'Dr. Late', timeZone: BUSINESS_ZONE })).id;
    await later.ok('PUT', `${lb}/providers/${p}/weekly-hours`, { weekly: ALL_WEEK });
    await later.ok('POST', `${lb}/services`, {
      name: 'Review',
      durationMinutes: 30,
      slotIntervalMinutes: 30,
      minNoticeMinutes: 45 * 1440,
      bookingWindowDays: 120,
      providerIds: [p],
      questions: [],
    });
    const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/b/later`);
    await page.getByTestId('no-free-days').waitFor();
    await page.getByText(/Bookings open 120 days ahead, up to .+\./).waitFor();
    await page.getByTestId('policy').getByText('Book at least 45 days ahead.').waitFor();
    await expectAccessible(page, 'empty month');
    await page.getByRole('button', { name: 'Go to the next free day' }).click();
    const chosen = page.locator('button.day-free[aria-pressed="true"]');
    await chosen.waitFor();
    const date = await chosen.getAttribute('data-date');
    const earliest = new Intl.DateTimeFormat('en-CA', { timeZone: CONSUMER_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(Date.now() + 44 * 86400000),
    );
    assert.ok(date >= earliest, `${date} is after the notice period`);
    await page.locator('button.slot').first().waitFor();
    await noSidewaysScroll(page, 'next free day');
    await shoot(page, 'next-free-day-360');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('a provider runs the day from a keyboard-operable agenda; the list never stops at 200', async () => {
    // 205 bookings in the next four weeks: more than one page of the bookings API.
    const dayOf = (iso) => new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
    const today = dayOf(Date.now());
    const plus = (d, n) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
    const slots = await api.ok('GET', `/api/v1/public/businesses/harbour/slots?serviceId=${serviceId}&from=${plus(today, 1)}&to=${plus(today, 27)}&timeZone=${BUSINESS_ZONE}`);
    const starts = slots.days.flatMap((d) => d.slots.map((x) => x.start)).slice(0, 205);
    assert.equal(starts.length, 205);
    for (const [i, start] of starts.entries()) {
      await api.ok('POST', '/api/v1/public/businesses/harbour/bookings', {
        serviceId,
        start,
        consumer: { name: `Client ${String(i).padStart(3, '0')}`, email: `c${i}@example.test`, timeZone: BUSINESS_ZONE },
        answers: {},
      });
    }
    const ctx = await newContext(browser, { timezoneId: BUSINESS_ZONE, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await page.getByTestId('list-count').waitFor();
    const cards = await page.locator('article.booking').count();
    assert.ok(cards >= 205, `all ${cards} bookings listed`);
    assert.equal(await page.getByTestId('list-count').textContent(), `${cards} appointments in the next 30 days`);

    // Day view, moved by the keyboard to the first booked day.
    const day = dayOf(starts[0]);
    // Everything confirmed that day, including what earlier tests booked on the first free day.
    const around = await api.ok('GET', `${biz}/bookings?status=confirmed&limit=200&from=${plus(day, -1)}T00:00:00Z&to=${plus(day, 2)}T00:00:00Z`);
    const onDay = around.items.map((b) => b.start).filter((x) => dayOf(x) === day).sort((a, b) => Date.parse(a) - Date.parse(b));
    assert.ok(onDay.length >= starts.filter((x) => dayOf(x) === day).length, 'the day holds the bookings just made');
    await page.getByRole('radio', { name: 'Day' }).check();
    await page.getByTestId('agenda-count').waitFor();
    await page.getByRole('button', { name: 'Next day' }).focus();
    const steps = Math.round((Date.parse(`${day}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86400000);
    for (let i = 0; i < steps; i++) {
      const before = await page.locator('#agenda-h').textContent();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((b) => document.querySelector('#agenda-h')?.textContent !== b, before);
    }
    const heading = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
    assert.equal(await page.locator('#agenda-h').textContent(), heading);
    await page.getByTestId('agenda-count').getByText(`${onDay.length} appointment`).waitFor();
    const entries = page.locator('button.agenda-entry');
    assert.equal(await entries.count(), onDay.length);
    const firstTime = new Intl.DateTimeFormat('en-US', { timeZone: BUSINESS_ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(onDay[0]));
    assert.ok((await entries.first().textContent()).startsWith(firstTime), 'in time order');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('agenda-entry')), true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const opened = page.locator('.agenda article.booking');
    await opened.waitFor();
    await opened.getByText('Details').click();
    await opened.getByText('@example.test').first().waitFor();
    await expectAccessible(page, 'day agenda');
    await shoot(page, 'agenda-day-1280');

    await page.getByRole('radio', { name: 'Week' }).check();
    // The week keeps the day in view: the week around the chosen day.
    await page.locator(`.agenda-col[data-date="${day}"]`).waitFor();
    assert.equal(await page.locator('.agenda-col').count(), 7);
    await expectAccessible(page, 'week agenda');
    await shoot(page, 'agenda-week-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await noSidewaysScroll(page, 'week agenda at 360 px');
    await shoot(page, 'agenda-week-360');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('in the call the provider sees the client large, themself small, full screen and the client’s answers', async () => {
    const vid = server.admin('create-business', '--slug', 'video', '--name', 'Video Clinic', '--zone', 'UTC').id;
    server.admin('create-user', '--email', 'vera@video.test', '--name', 'Vera', '--password', MANAGER.password, '--business', 'video', '--role', 'owner');
    const owner = new ApiClient(server.baseUrl);
    await owner.login('vera@video.test', MANAGER.password);
    const vb = `/api/v1/businesses/${vid}`;
    const p = (await owner.ok('POST', `${vb}/providers`, { name: 'Dr. Vera', timeZone: 'UTC' })).id;
    await owner.ok('PUT', `${vb}/providers/${p}/weekly-hours`, { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })) });
    const svc = await owner.ok('POST', `${vb}/services`, {
      name: 'Video consultation',
      durationMinutes: 30,
      slotIntervalMinutes: 30,
      minNoticeMinutes: 0,
      roomOpenBeforeMinutes: 1440,
      providerIds: [p],
      questions: [{ key: 'reason', label: 'Reason for visit', kind: 'shortText', required: true, choices: [] }],
    });
    const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
    const slots = await owner.ok('GET', `/api/v1/public/businesses/video/slots?serviceId=${svc.id}&from=${day(0)}&to=${day(1)}&timeZone=UTC`);
    const booked = await owner.ok('POST', '/api/v1/public/businesses/video/bookings', {
      serviceId: svc.id,
      start: slots.days.flatMap((d) => d.slots)[0].start,
      consumer: { name: 'Rui Costa', email: 'rui@example.test', timeZone: 'UTC' },
      answers: { reason: 'Knee pain after running' },
    });

    const guestCtx = await newContext(browser, { timezoneId: 'UTC', viewport: { width: 390, height: 844 } });
    const guest = await guestCtx.newPage();
    await guest.goto(booked.joinUrl);
    await guest.waitForFunction(() => !document.querySelector('[data-screen="device-check"] .btn-primary')?.disabled);
    await guest.getByRole('button', { name: 'Join now' }).click();
    await guest.locator('main[data-screen="lobby"]').waitFor();

    const hostCtx = await newContext(browser, { timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
    const host = await hostCtx.newPage();
    await host.goto(`${server.baseUrl}/staff/login`);
    await host.getByLabel('Email').fill('vera@video.test');
    await host.getByLabel('Password').fill(MANAGER.password);
    await host.getByRole('button', { name: 'Sign in' }).click();
    await host.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await host.goto(`${server.baseUrl}/staff/rooms/${booked.booking.id}`);
    await host.waitForFunction(() => !document.querySelector('[data-screen="device-check"] .btn-primary')?.disabled);
    await host.getByRole('button', { name: 'Join now' }).click();
    await host.getByRole('button', { name: 'Admit Rui Costa' }).click();
    await host.waitForFunction(() => Number(document.querySelector('li.tile[data-remote]')?.dataset.framesDecoded) > 0, null, { timeout: 30000 });
    await guest.locator('main[data-screen="call"]').waitFor();

    // The remote video fills the stage; the own video is a small picture inside it.
    const remote = await host.locator('li.tile[data-remote] video').boundingBox();
    const self = await host.locator('li.tile-self video').boundingBox();
    assert.ok(remote.width > 2.5 * self.width, `remote ${remote.width}px vs self ${self.width}px`);
    assert.ok(self.x >= remote.x && self.x + self.width <= remote.x + remote.width && self.y >= remote.y && self.y + self.height <= remote.y + remote.height, 'self-view inside the remote video');

    const panel = host.getByTestId('call-panel');
    await panel.getByText('Rui Costa').waitFor();
    await panel.getByText('Reason for visit').waitFor();
    await panel.getByText('Knee pain after running').waitFor();
    const left = await panel.getByTestId('time-left').textContent();
    const minutes = Math.round((Date.parse(booked.booking.end) - Date.now()) / 60000);
    assert.match(left, minutes >= 0 ? /^\d+ minutes?$/ : /over time$/);
    assert.ok(Math.abs(Number(left.match(/\d+/)[0]) - Math.abs(minutes)) <= 1, `${left} vs ${minutes}`);

    await host.getByRole('button', { name: 'Full screen' }).click();
    await host.waitForFunction(() => document.fullscreenElement?.classList.contains('stage'));
    await host.getByRole('button', { name: 'Full screen' }).click();
    await host.waitForFunction(() => !document.fullscreenElement);
    await expectAccessible(host, 'call with side panel');
    await shoot(host, 'call-provider-1280');
    await expectAccessible(guest, 'call (consumer)');
    await noSidewaysScroll(guest, 'call at 390 px');
    await shoot(guest, 'call-consumer-390');
    assert.deepEqual(guestCtx.problems, []);
    assert.deepEqual(hostCtx.problems, []);
    await guestCtx.close();
    await hostCtx.close();
  });

  it('the app is served precompressed when the browser accepts it', async () => {
    const html = await (await fetch(`${server.baseUrl}/`, { headers: { 'Accept-Encoding': 'identity' } })).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)[1];
    const raw = readFileSync(join(SOURCE_DIR, 'web', 'dist', script));
    for (const coding of ['br', 'gzip']) {
      const res = await fetch(server.baseUrl + script, { headers: { 'Accept-Encoding': coding } });
      assert.equal(res.headers.get('content-encoding'), coding);
      assert.equal(res.headers.get('vary'), 'Accept-Encoding');
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.ok(Number(res.headers.get('content-length')) < raw.length / 2, `${coding} is smaller`);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), raw, `${coding} decodes to the file`);
    }
    const plain = await fetch(server.baseUrl + script, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(Number(plain.headers.get('content-length')), raw.length);
  });

  it('dark mode follows the system and stays accessible', async () => {
    const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 390, height: 900 }, colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/b/harbour`);
    await firstFreeDay(page);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 120, `dark background, got ${bg}`);
    await expectAccessible(page, 'booking page, dark');
    await shoot(page, 'book-dark-390');
    // The first booking was moved and cancelled above (its links revoked): book another.
    const day = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 40 * 86400000).toISOString().slice(0, 10);
    const free = await api.ok('GET', `/api/v1/public/businesses/harbour/slots?serviceId=${serviceId}&from=${day}&to=${later}&timeZone=UTC`);
    const booked = await api.ok('POST', '/api/v1/public/businesses/harbour/bookings', {
      serviceId,
      start: free.days.flatMap((d) => d.slots)[0].start,
      consumer: { name: 'Noor Dark', email: 'noor@example.test', timeZone: CONSUMER_ZONE },
      answers: {},
    });
    await page.goto(`${server.baseUrl}/b/harbour/booked/${new URL(booked.manageUrl, server.baseUrl).pathname.split('/').pop()}`);
    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    await expectAccessible(page, 'confirmation, dark');
    await shoot(page, 'booked-dark-390');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
});
