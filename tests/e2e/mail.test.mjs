// End to end with a real SMTP server: a consumer books in the browser with a phone number and
// SMS consent (a bad number is named next to its field first); the confirmation mail reaches
// the test's aiosmtpd with the booking's time in the consumer's zone and the manage link; a
// manager sees it as sent in the booking's Messages panel and resends it. axe-core on each page.
// Run: node --test tests/e2e/mail.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';
import { SmtpSink, waitUntil } from './lib/smtp_sink.mjs';

const MANAGER = { email: 'max@mail.test', password: 'manager-password-2', name: 'Max Manager' };
const CONSUMER = { name: 'Robin Fox', email: 'robin@example.test', phone: '+44 20 7946 0958', e164: '+442079460958' };
const CONSUMER_ZONE = 'Asia/Tokyo';
const BUSINESS_ZONE = 'Europe/London';
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

let sink, server, browser, api, businessId;
const state = {};

async function expectAccessible(page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
}

/** The mail's "When:" text: "%A %-d %B %Y, %H:%M" in the zone (src/notify/compose.cpp). */
function mailWhen(instant, zone) {
  const d = new Date(instant);
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(d)
    .reduce((o, p) => ({ ...o, [p.type]: p.value }), {});
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${date.weekday} ${date.day} ${date.month} ${date.year}, ${time}`;
}

describe('booking mail and the staff message log', () => {
  before(async () => {
    sink = await new SmtpSink().start();
    server = await new VisitdServer({ env: sink.env }).start();
    businessId = server.admin('create-business', '--slug', 'mailco', '--name', 'Mail Clinic', '--zone', BUSINESS_ZONE).id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'mailco', '--role', 'manager');
    api = new ApiClient(server.baseUrl);
    await api.login(MANAGER.email, MANAGER.password);
    const biz = `/api/v1/businesses/${businessId}`;
    const providerId = (await api.ok('POST', `${biz}/providers`, { name: 'Dr. Lin', timeZone: BUSINESS_ZONE })).id;
    await api.ok('PUT', `${biz}/providers/${providerId}/weekly-hours`, { weekly: ALL_WEEK });
    await api.ok('POST', `${biz}/services`, {
      name: 'Consultation',
      durationMinutes: 30,
      slotIntervalMinutes: 30,
      minNoticeMinutes: 60,
      providerIds: [providerId],
      questions: [],
    });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it('a consumer books with a phone and SMS consent, and the confirmation mail arrives', async () => {
    const ctx = await newContext(browser, { timezoneId: CONSUMER_ZONE, viewport: { width: 360, height: 780 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/b/mailco`);
    await page.getByRole('heading', { level: 1, name: 'Book an appointment with Mail Clinic' }).waitFor();
    await page.locator('table.month').waitFor();
    await page.locator('.calendar .loading').waitFor({ state: 'detached' });
    const freeDay = page.locator('button.day-free');
    if (!(await freeDay.count())) await page.getByRole('button', { name: 'Next month' }).click();
    await freeDay.first().click();
    const slot = page.locator('button.slot').first();
    state.start = await slot.getAttribute('data-start');
    await slot.click();

    await page.getByLabel('Full name').fill(CONSUMER.name);
    await page.getByLabel('Email').fill(CONSUMER.email);
    const consent = page.getByRole('checkbox', { name: /reminders by text message.*Reply STOP/ });
    assert.equal(await consent.count(), 0, 'no SMS consent without a phone number');
    await page.getByLabel('Phone').fill('12');
    assert.equal(await consent.isChecked(), false, 'SMS consent is not ticked by default');
    await consent.check();
    await expectAccessible(page, 'booking form with SMS consent');

    // The server names a bad number; the form shows it next to the phone field.
    await page.getByRole('button', { name: 'Book appointment' }).click();
    const phoneField = page.locator('.field-invalid').filter({ has: page.getByLabel('Phone') });
    await phoneField.locator('.field-error').waitFor();
    assert.match(await phoneField.locator('.field-error').textContent(), /^Phone: /);
    assert.equal(await page.getByLabel('Phone').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'phone error');

    await page.getByLabel('Phone').fill(CONSUMER.phone);
    assert.equal(await consent.isChecked(), true, 'consent kept while correcting the number');
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor();
    const manageUrl = (await page.getByTestId('manage-url').textContent()).trim();
    const manageToken = manageUrl.split('/manage/')[1];
    assert.ok(manageToken, `manage link ${manageUrl}`);

    const mail = await sink.waitFor((m) => m.to.includes(CONSUMER.email), 'the confirmation mail to the consumer');
    assert.match(mail.text, new RegExp(`When: ${mailWhen(state.start, CONSUMER_ZONE)} to \\d\\d:\\d\\d \\(${CONSUMER_ZONE}\\)`));
    assert.ok(mail.text.includes(`/manage/${manageToken}`), 'the text part carries the manage link');
    assert.ok(mail.html.includes(`/manage/${manageToken}`), 'the HTML part carries the manage link');

    const list = await api.ok('GET', `/api/v1/businesses/${businessId}/bookings?status=confirmed`);
    const booking = list.items.find((b) => b.consumer.email === CONSUMER.email);
    assert.equal(booking.consumer.phone, CONSUMER.e164);
    state.bookingId = booking.id;
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('a manager sees the mail as sent in the Messages panel and resends it', async () => {
    const path = `/api/v1/businesses/${businessId}/bookings/${state.bookingId}/messages`;
    const isMail = (m) => m.kind === 'confirmation' && m.channel === 'email' && m.recipient === 'consumer';
    // The mail is in the Maildir just before visitd records the SMTP acceptance.
    const sent = await waitUntil(async () => (await api.ok('GET', path)).items.find((m) => isMail(m) && m.status === 'sent'), 'the mail recorded as sent');
    assert.equal(sent.attempts, 1);
    assert.ok((await api.ok('GET', path)).smsConsentAt, 'the booking recorded SMS consent');

    const ctx = await newContext(browser, { timezoneId: BUSINESS_ZONE, viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    const card = page.locator(`article[data-booking="${state.bookingId}"]`);
    await card.locator('summary', { hasText: 'Messages' }).click();
    const row = card.locator(`tr[data-message="${sent.id}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'sent');
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[0], 'Confirmation');
    assert.equal(cells[1], 'Email');
    assert.ok(cells[2].startsWith('Consumer') && cells[2].includes(CONSUMER.email), cells[2]);
    assert.equal(cells[3], 'Sent');
    assert.equal(cells[4], '1');
    assert.match(cells[6], /^sent /);
    await card.getByText(/^SMS consent given /).waitFor();
    await expectAccessible(page, 'appointments with the Messages panel');

    const before = sink.count();
    await row.getByRole('button', { name: 'Resend Confirmation Email' }).click();
    await card.getByText('A copy is planned and will go out shortly.').waitFor();
    await waitUntil(() => sink.count() > before, 'the resent mail');
    const copies = sink.messages().filter((m) => m.to.includes(CONSUMER.email));
    assert.equal(copies.length, 2);
    assert.equal(copies[1].subject, copies[0].subject);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });

  it('a manager edits a message template with a live preview, saves it and goes back to the default', async () => {
    const ctx = await newContext(browser, { timezoneId: BUSINESS_ZONE, viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    await page.getByRole('link', { name: 'Business settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Message templates' }).waitFor();
    const preview = page.getByTestId('template-preview');
    const usesDefault = page.getByTestId('template-uses-default');
    // The editor starts from the server's built-in text, previewed by the server's engine.
    const builtIn = await api.ok('GET', `/api/v1/businesses/${businessId}/message-templates/defaults`);
    const confirmation = builtIn.items.find((x) => x.kind === 'confirmation' && x.channel === 'email');
    assert.equal(await page.getByLabel('Text').inputValue(), confirmation.textBody);
    await usesDefault.waitFor();
    await preview.locator('pre').first().waitFor();
    assert.match(await preview.locator('p').first().textContent(), /^Confirmed: Check-up with .+, \w+day \d{1,2} \w+ \d{4}, 09:00$/);
    await page.getByLabel('Message', { exact: true }).selectOption('reminder');
    await page.getByLabel('Subject').fill('See you {{start}}');
    await page.getByLabel('Text').fill('Hi {{recipientName}}{{#manageUrl}}, manage: {{manageUrl}}{{/manageUrl}}{{^manageUrl}}never{{/manageUrl}}');
    await page.getByLabel(/^HTML/).fill('<p>{{serviceName}} & {{businessName}}</p>');
    await page.waitForFunction(() => document.querySelector('[data-testid=template-preview] pre')?.textContent?.startsWith('Hi Sam Lee'));
    const shown = await preview.locator('p, pre').allTextContents();
    assert.equal(shown.length, 3);
    assert.match(shown[0], /^See you \w+day \d{1,2} \w+ \d{4}, 09:00$/);
    assert.equal(shown[1], 'Hi Sam Lee, manage: https://visitd.example/manage/sample');
    // The HTML part is shown as source, filled in by the server like a sent mail.
    assert.match(shown[2], /^<p>Check-up & .+<\/p>$/);
    assert.equal(await usesDefault.count(), 0);
    await expectAccessible(page, 'message templates');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await page.locator('#templates-h ~ form .alert-success').waitFor();
    const stored = await api.ok('GET', `/api/v1/businesses/${businessId}/message-templates`);
    assert.deepEqual(
      stored.items.map((x) => [x.kind, x.channel, x.subject]),
      [['reminder', 'email', 'See you {{start}}']],
    );
    // A template the engine cannot parse is named next to its field, and focus goes there.
    await page.getByLabel('Text').fill('Hi {{#manageUrl}}');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await page.locator('.field-error', { hasText: /^Is not a valid Mustache template/ }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-part')), 'textBody');
    await page.getByRole('button', { name: 'Back to built-in text' }).click();
    await usesDefault.waitFor();
    assert.deepEqual((await api.ok('GET', `/api/v1/businesses/${businessId}/message-templates`)).items, []);
    assert.deepEqual(ctx.problems, []);
    await ctx.close();
  });
});
