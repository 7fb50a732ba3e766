// Embeds (issue I) in a real browser: a manager copies the iframe code from the console and
// lists the clinic's own site; a page on that site (another loopback origin, served over
// https by this test) shows the booking page, visitd's embed.js sizes the frame to the page,
// and a consumer books through the frame. A site not on the list is refused by the browser
// (frame-ancestors). Also: a provider photo uploaded in the console shows on the booking page.
// Run: node --test tests/e2e/embed.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, SOURCE_DIR, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';

const MANAGER = { email: 'mia@harbour.test', password: 'manager-password-1', name: 'Mia Manager' };
const ZONE = 'Europe/Berlin';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SHOTS = join(process.env.VISITD_BUILD_DIR || join(SOURCE_DIR, 'build'), 'screenshots');

let server, browser, api, biz, certDir;
const sites = [];
let snippet = '';

/** An https server on 127.0.0.1 (self-signed; the browser context ignores the certificate)
 * answering every path with the page `html()` builds. */
async function clinicSite(html) {
  const srv = createServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) }, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  sites.push(srv);
  return `https://127.0.0.1:${srv.address().port}`;
}

const hostPage = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Physio</title></head>` +
  `<body><header><h1>Harbour Physio</h1><p>Welcome to our own website.</p></header><main>${snippet}</main></body></html>`;

async function firstFreeDay(frame) {
  for (let month = 0; month < 3; month++) {
    await frame.locator('table.month').waitFor();
    await frame.locator('.calendar .loading').waitFor({ state: 'detached' });
    const free = frame.locator('button.day-free');
    if (await free.count()) return free.first();
    const shown = await frame.locator('.calendar-head h3').textContent();
    await frame.getByRole('button', { name: 'Next month' }).click();
    await frame.waitForFunction((t) => document.querySelector('.calendar-head h3')?.textContent !== t, shown);
  }
  throw new Error('no free day in three months');
}

describe('the booking page embedded in the clinic’s own site', () => {
  before(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'visitd-embed-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
    server = await new VisitdServer().start();
    const businessId = server.admin('create-business', '--slug', 'harbour', '--name', 'Harbour Physio', '--zone', ZONE).id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'harbour', '--role', 'manager');
    api = new ApiClient(server.baseUrl);
    await api.login(MANAGER.email, MANAGER.password);
    biz = `/api/v1/businesses/${businessId}`;
    const providerId = (await api.ok('POST', `${biz}/providers`, { name: 'Dr. Ida Holm', timeZone: ZONE })).id;
    await api.ok('PUT', `${biz}/providers/${providerId}/weekly-hours`, { weekly: ALL_WEEK });
    await api.ok('POST', `${biz}/services`, {
      name: 'Knee check', durationMinutes: 30, slotIntervalMinutes: 30, minNoticeMinutes: 60, bookingWindowDays: 60, providerIds: [providerId], questions: [],
    });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    for (const s of sites) s.close();
    await server?.stop();
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  });

  it('the manager copies the code, lists the clinic’s site and uploads a provider photo', async () => {
    const site = await clinicSite(hostPage);
    const ctx = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Clinic profile' }).click();
    await page.getByRole('heading', { name: 'Booking on your own website' }).waitFor();

    snippet = await page.getByTestId('embed-snippet').inputValue();
    assert.ok(snippet.includes(`src="${server.baseUrl}/b/harbour"`), snippet);
    assert.ok(snippet.includes(`<script src="${server.baseUrl}/embed.js" async></script>`), snippet);

    // A wrong entry is named next to the field, focus on it; nothing saved.
    const origins = page.getByTestId('embed-origins');
    await origins.fill(`${site}\nhttp://plain.example`);
    await page.getByRole('button', { name: 'Save the websites' }).click();
    await page.getByText('Line 2: Must be a site address').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'embed-origins');
    assert.deepEqual((await api.ok('GET', `${biz}/embed`)).origins, []);
    await origins.fill(site);
    await page.getByRole('button', { name: 'Save the websites' }).click();
    await page.getByText('Your booking page can now be shown on these websites.').waitFor();
    assert.deepEqual((await api.ok('GET', `${biz}/embed`)).origins, [site]);

    // The provider photo, through the console's own file input.
    const photoDir = mkdtempSync(join(tmpdir(), 'visitd-photo-'));
    writeFileSync(join(photoDir, 'ida.png'), PNG);
    await page.getByLabel('Choose a photo of Dr. Ida Holm').setInputFiles(join(photoDir, 'ida.png'));
    await page.getByRole('button', { name: 'Upload the photo of Dr. Ida Holm' }).click();
    await page.getByTestId('photo-preview').waitFor();
    rmSync(photoDir, { recursive: true, force: true });
    assert.deepEqual(await axeViolations(page), [], 'axe on the profile page with the embed card');
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('schedule problems are sentences beside their fields, with focus on the first', async () => {
    const ctx = await newContext(browser, { viewport: { width: 360, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Hours and time off' }).click();
    // Time off that ends before it starts: the server names `end`.
    const off = page.locator('form', { has: page.getByRole('button', { name: 'Add time off' }) });
    await off.getByLabel('Starts').fill('2031-03-10T12:00');
    await off.getByLabel('Ends').fill('2031-03-10T09:00');
    await off.getByRole('button', { name: 'Add time off' }).click();
    await off.locator('.field-error').filter({ hasText: 'Must be after start.' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.field')?.querySelector('label')?.textContent?.trim()), 'Ends');
    // A special date with a range that ends before it starts: the sentence is beside From.
    const special = page.locator('form', { has: page.getByRole('button', { name: 'Add special date' }) });
    await special.getByLabel('Date').fill('2031-03-11');
    await special.getByLabel('From').fill('12:00');
    await special.getByLabel('To').fill('10:00');
    await special.getByRole('button', { name: 'Add special date' }).click();
    const problem = special.locator('.field-error');
    await problem.waitFor();
    assert.match(await problem.textContent(), /^[A-Z].*\.$/, 'a sentence');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true');
    assert.deepEqual(await axeViolations(page), [], 'axe on the schedule with problems');
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scroll <= width, `scrollWidth ${scroll} > ${width}`);
    await ctx.close();
  });

  it('a visitor books through the frame on the listed site, which embed.js sizes to the page', async () => {
    const site = (await api.ok('GET', `${biz}/embed`)).origins[0];
    const ctx = await newContext(browser, { ignoreHTTPSErrors: true, timezoneId: ZONE, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${site}/book-online`);
    const frameEl = page.locator('iframe[data-visitd-embed]');
    await frameEl.waitFor();
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.getByRole('heading', { level: 1, name: 'Book an appointment with Harbour Physio' }).waitFor();
    await frame.getByTestId('provider-photo').waitFor();

    // embed.js took the height the page reported: the frame is as tall as the app.
    const fits = () =>
      page.waitForFunction(() => {
        const el = document.querySelector('iframe[data-visitd-embed]');
        return el.style.height !== '' && Math.abs(el.getBoundingClientRect().height - parseFloat(el.style.height)) < 1;
      });
    await fits();
    const appHeight = () => frame.evaluate(() => Math.ceil(document.getElementById('app').getBoundingClientRect().height));
    await page.waitForFunction(
      (h) => parseFloat(document.querySelector('iframe[data-visitd-embed]').style.height) === h,
      await appHeight(),
    );
    assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), true, 'no scrolling inside the frame');

    const day = await firstFreeDay(frame);
    await day.click();
    const slot = frame.locator('button.slot').first();
    await slot.waitFor();
    const start = await slot.getAttribute('data-start');
    await slot.click();
    await frame.getByLabel('Full name').fill('Ola Framed');
    await frame.getByLabel('Email').fill('ola@example.test');
    await frame.getByRole('button', { name: 'Book appointment' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    // The confirmation (its own page, /b/harbour/booked/...) may be framed too; the frame follows its height.
    await page.waitForFunction(
      (h) => parseFloat(document.querySelector('iframe[data-visitd-embed]').style.height) === h,
      await appHeight(),
    );
    const booked = await api.ok('GET', `${biz}/bookings?from=${encodeURIComponent(new Date(Date.parse(start) - 1000).toISOString())}`);
    assert.ok(booked.items.some((b) => Date.parse(b.start) === Date.parse(start)), 'the booking exists');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'embed-booked-1280.png'), fullPage: true });
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('the manager finds the framed booking by searching, with the keyboard only', async () => {
    const ctx = await newContext(browser, { viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const search = page.getByLabel('Search appointments');
    await search.focus();
    await page.keyboard.type('OLA@example');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-count').filter({ hasText: 'Showing 1–1 of 1 appointment.' }).waitFor();
    await page.getByTestId('search-results').getByText('Ola Framed').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on search results');
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scroll <= width, `scrollWidth ${scroll} > ${width}`);
    await search.fill('nobody-at-all');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-count').filter({ hasText: 'No appointment matches.' }).waitFor();
    await ctx.close();
  });

  it('a site that is not listed cannot show the booking page', async () => {
    const stranger = await clinicSite(hostPage);
    const ctx = await newContext(browser, { ignoreHTTPSErrors: true });
    const page = await ctx.newPage();
    const refused = new Promise((resolve) =>
      page.on('console', (m) => {
        if (/frame-ancestors/.test(m.text())) resolve(m.text());
      }),
    );
    await page.goto(`${stranger}/book-online`);
    const message = await refused;
    assert.match(message, /blocked|Refused/, message);
    assert.ok(!message.includes(stranger), 'the unlisted site is not among the allowed ancestors');
    const frame = await (await page.locator('iframe[data-visitd-embed]').elementHandle()).contentFrame();
    assert.equal(await frame.getByRole('heading', { name: /Book an appointment/ }).count(), 0, 'the booking page is not shown');
    await ctx.close();
  });
});
