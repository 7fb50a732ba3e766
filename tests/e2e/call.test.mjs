// End to end in a real browser: a real video call with chat between a consumer (join link)
// and a provider (staff login). The consumer checks devices and waits in the lobby; the
// provider joins from the appointments page, sees the lobby notice and admits; video really
// flows both ways (inbound-rtp framesDecoded, counted by the app from getStats, rising on both
// sides); chat goes both ways with typing and read receipts; screen share; a reload and a
// server restart (reconnect banner) resume call and chat; the provider ends the meeting. A second server over the same database with a shifted clock
// shows the too-early and too-late screens. axe-core runs on every screen.
// Run: node --test tests/e2e/call.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';

const OWNER = { email: 'olga@clinic.test', password: 'owner-password-1', name: 'Olga Owner' };
const PROVIDER = { email: 'ada@clinic.test', password: 'provider-password-1', name: 'Ada Provider' };
const CONSUMER = { name: 'Sam Lee', email: 'sam@example.test', zone: 'America/New_York' };
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
// Frames must keep coming: this many more decoded frames than at the first look.
const MORE_FRAMES = 10;

let server, browser, staff, consumer, joinUrl, bookingId, other;

async function expectAccessible(page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
}

/** Waits for a screen; on timeout says which screen and text the page shows instead. */
async function screen(page, name) {
  try {
    await page.locator(`main[data-screen="${name}"]`).waitFor();
  } catch (e) {
    const shown = await page.locator('main').evaluateAll((ms) => ms.map((m) => `${m.dataset.screen}: ${m.innerText.slice(0, 300)}`));
    throw new Error(`expected screen ${name}, page shows ${JSON.stringify(shown)}: ${e.message}`);
  }
}

/** Waits until the remote tile shows decoded video frames, then until that count rises. */
async function expectVideoFlowing(page, label) {
  const tile = page.locator('li.tile[data-remote]');
  await tile.waitFor();
  await page.waitForFunction(() => Number(document.querySelector('li.tile[data-remote]')?.dataset.framesDecoded) > 0, null, {
    timeout: 20000,
  });
  const first = Number(await tile.getAttribute('data-frames-decoded'));
  await page.waitForFunction(
    (n) => Number(document.querySelector('li.tile[data-remote]')?.dataset.framesDecoded) > n,
    first + MORE_FRAMES,
    { timeout: 20000 },
  );
  const video = await tile.locator('video').evaluate((v) => ({ w: v.videoWidth, h: v.videoHeight }));
  assert.ok(video.w > 0 && video.h > 0, `${label}: the remote <video> has a picture (${video.w}x${video.h})`);
}

describe('video call with chat', () => {
  before(async () => {
    server = await new VisitdServer().start();
    const businessId = server.admin('create-business', '--slug', 'clinic', '--name', 'Clinic', '--zone', 'UTC').id;
    server.admin('create-user', '--email', OWNER.email, '--name', OWNER.name, '--password', OWNER.password, '--business', 'clinic', '--role', 'owner');
    const user = server.admin('create-user', '--email', PROVIDER.email, '--name', PROVIDER.name, '--password', PROVIDER.password, '--business', 'clinic', '--role', 'provider');
    const api = new ApiClient(server.baseUrl);
    await api.login(OWNER.email, OWNER.password);
    const biz = `/api/v1/businesses/${businessId}`;
    const providerId = (await api.ok('POST', `${biz}/providers`, { name: 'Dr. Ada', timeZone: 'UTC', userId: user.id })).id;
    await api.ok('PUT', `${biz}/providers/${providerId}/weekly-hours`, { weekly: ALL_DAY });
    // The room opens a day ahead, so the next free slot's room is open now.
    const service = await api.ok('POST', `${biz}/services`, {
      name: 'Video consultation',
      durationMinutes: 30,
      slotIntervalMinutes: 30,
      minNoticeMinutes: 0,
      roomOpenBeforeMinutes: 1440,
      // Closes before the join link expires (end + 30 min), so "closed" is seen as such.
      roomCloseAfterMinutes: 10,
      providerIds: [providerId],
      questions: [],
    });
    const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
    const slots = await api.ok('GET', `/api/v1/public/businesses/clinic/slots?serviceId=${service.id}&from=${day(0)}&to=${day(1)}&timeZone=UTC`);
    const [first, second] = slots.days.flatMap((d) => d.slots);
    assert.ok(first && second, 'two free slots within a day');
    const book = (start) =>
      api.ok('POST', '/api/v1/public/businesses/clinic/bookings', {
        serviceId: service.id,
        start: start.start,
        consumer: { name: CONSUMER.name, email: CONSUMER.email, timeZone: CONSUMER.zone },
        answers: {},
      });
    const booked = await book(first);
    joinUrl = booked.joinUrl;
    bookingId = booked.booking.id;
    other = await book(second);
    browser = await launch();
    staff = await newContext(browser, { timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
    // The consumer is on a phone-sized screen.
    consumer = await newContext(browser, { timezoneId: CONSUMER.zone, viewport: { width: 360, height: 780 } });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the consumer checks devices, waits in the lobby, is admitted; video flows both ways; chat with typing and read receipts; screen share; a reload and a server restart resume; the provider ends it', async () => {
    // Consumer: device check (fake camera and microphone), then the lobby.
    const guest = await consumer.newPage();
    await guest.goto(joinUrl);
    await guest.locator('[data-screen="device-check"]').waitFor();
    await guest.getByRole('heading', { level: 1, name: 'Join your video appointment' }).waitFor();
    await guest.getByText('Video consultation with Dr. Ada, Clinic').waitFor();
    const joinNow = guest.getByRole('button', { name: 'Join now' });
    await guest.waitForFunction(() => !document.querySelector('[data-screen="device-check"] .btn-primary')?.disabled);
    // Devices are listed once enumerateDevices answers, which may come after the preview starts.
    await guest.getByLabel('Camera').locator('option').first().waitFor({ state: 'attached' });
    await guest.getByLabel('Microphone', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
    assert.ok((await guest.getByLabel('Camera').locator('option').count()) >= 1, 'cameras listed');
    assert.ok((await guest.getByLabel('Microphone', { exact: true }).locator('option').count()) >= 1, 'microphones listed');
    // The fake microphone beeps: the level meter moves.
    await guest.waitForFunction(() => Number(document.getElementById('mic-level')?.dataset.level) > 0);
    await expectAccessible(guest, 'device check');
    await joinNow.click();
    await screen(guest, 'lobby');
    await guest.getByText('The provider will let you in.').waitFor();
    await expectAccessible(guest, 'lobby');

    // Provider: appointments → Join call → device check → the call, with the lobby notice.
    const host = await staff.newPage();
    host.on('dialog', (d) => d.accept());
    await host.goto(`${server.baseUrl}/staff/login`);
    await host.getByLabel('Email').fill(PROVIDER.email);
    await host.getByLabel('Password').fill(PROVIDER.password);
    await host.getByRole('button', { name: 'Sign in' }).click();
    await host.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    const joinLink = host.locator(`article[data-booking="${bookingId}"]`).getByRole('link', { name: `Join call with ${CONSUMER.name}` });
    await expectAccessible(host, 'appointments with a live join button');
    await joinLink.click();
    await host.locator('[data-screen="device-check"]').waitFor();
    await host.waitForFunction(() => !document.querySelector('[data-screen="device-check"] .btn-primary')?.disabled);
    await host.getByRole('button', { name: 'Join now' }).click();
    await screen(host, 'call');
    await host.getByText(`${CONSUMER.name} is waiting in the lobby.`).waitFor();
    await expectAccessible(host, 'call with a lobby notice');
    await host.getByRole('button', { name: `Admit ${CONSUMER.name}` }).click();
    await host.locator('.lobby-notice').waitFor({ state: 'detached' });

    // Both see the other's video, really decoded and still coming.
    await screen(guest, 'call');
    await Promise.all([expectVideoFlowing(guest, 'consumer'), expectVideoFlowing(host, 'provider')]);
    await guest.locator('.quality[data-quality]').waitFor();
    await expectAccessible(guest, 'call (consumer)');
    assert.ok((await guest.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no sideways scrolling at 360 px');

    // Chat: typing shows, the text stays text, receipts turn to Read.
    const hostile = 'Hello <b>doctor</b> & <img src=x onerror=alert(1)>';
    await guest.getByRole('textbox', { name: 'Message' }).fill('');
    await guest.getByRole('textbox', { name: 'Message' }).pressSequentially('Hel');
    await host.getByText(`${CONSUMER.name} is typing…`).waitFor();
    await guest.getByRole('textbox', { name: 'Message' }).fill(hostile);
    await guest.getByRole('textbox', { name: 'Message' }).press('Enter');
    const atHost = host.locator('li.chat-msg[data-mine="false"] .chat-text');
    await atHost.first().waitFor();
    assert.equal(await atHost.first().textContent(), hostile);
    assert.equal(await host.locator('.chat-log b, .chat-log img').count(), 0, 'message text is not HTML');
    await host.getByText(`${CONSUMER.name} is typing…`).waitFor({ state: 'detached' });
    await guest.locator('li.chat-msg[data-mine="true"][data-read="true"]').waitFor();
    await guest.getByRole('textbox', { name: 'Message' }).fill('See you in a second.');
    await host.getByRole('textbox', { name: 'Message' }).fill('Hi Sam, I can see you.');
    await host.getByRole('button', { name: 'Send' }).click();
    await guest.getByText('Hi Sam, I can see you.').waitFor();
    await host.locator('li.chat-msg[data-mine="true"][data-read="true"]').waitFor();
    assert.equal(await guest.locator('li.chat-msg[data-mine="true"] .chat-receipt').textContent(), 'Read');

    // Mute and camera off reach the other side.
    await guest.getByRole('button', { name: 'Mute' }).click();
    await host.locator('li.tile[data-remote] .badge', { hasText: 'muted' }).waitFor();
    await guest.getByRole('button', { name: 'Mute' }).click();
    await host.locator('li.tile[data-remote] .badge', { hasText: 'muted' }).waitFor({ state: 'detached' });

    // Screen share (Chromium's fake "monitor") replaces the camera without renegotiating: the
    // provider's picture changes shape.
    const hostTile = host.locator('li.tile[data-remote]');
    const size = () => hostTile.locator('video').evaluate((v) => `${v.videoWidth}x${v.videoHeight}`);
    const cameraSize = await size();
    await guest.getByRole('button', { name: 'Share screen' }).click();
    await guest.getByRole('button', { name: 'Stop sharing', pressed: true }).waitFor();
    await guest.getByText('Your screen', { exact: true }).waitFor();
    await host.waitForFunction(
      (before) => {
        const v = document.querySelector('li.tile[data-remote] video');
        return v && v.videoWidth > 0 && `${v.videoWidth}x${v.videoHeight}` !== before;
      },
      cameraSize,
      { timeout: 20000 },
    );
    await guest.getByRole('button', { name: 'Stop sharing' }).click();
    await guest.getByRole('button', { name: 'Share screen', pressed: false }).waitFor();
    await expectVideoFlowing(host, 'provider after screen share');
    assert.equal(await hostTile.count(), 1);

    // The consumer reloads: straight back into the call (already admitted), history and video resume.
    await guest.reload();
    await screen(guest, 'call');
    await guest.getByText('Hi Sam, I can see you.').waitFor();
    assert.equal(await guest.locator('li.chat-msg .chat-text').first().textContent(), hostile);
    await Promise.all([expectVideoFlowing(guest, 'consumer after reload'), expectVideoFlowing(host, 'provider after reload')]);
    await guest.getByRole('textbox', { name: 'Message' }).fill('Back again');
    await guest.getByRole('textbox', { name: 'Message' }).press('Enter');
    await host.getByText('Back again').waitFor();
    assert.equal(await guest.locator('li.chat-msg').count(), 3);
    assert.equal(await host.locator('li.chat-msg').count(), 3);

    // The server restarts mid-call: both show the reconnecting banner, then call and chat resume.
    const bannerGuest = guest.getByTestId('reconnecting').waitFor();
    const bannerHost = host.getByTestId('reconnecting').waitFor();
    await server.restart();
    await Promise.all([bannerGuest, bannerHost]);
    await guest.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 20000 });
    await host.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 20000 });
    await Promise.all([expectVideoFlowing(guest, 'consumer after restart'), expectVideoFlowing(host, 'provider after restart')]);
    await host.getByRole('textbox', { name: 'Message' }).fill('Still here?');
    await host.getByRole('textbox', { name: 'Message' }).press('Enter');
    await guest.getByText('Still here?').waitFor();
    assert.equal(await guest.locator('li.chat-msg').count(), 4);

    // The provider ends the meeting: both see the ended screen, and the link stays ended.
    await host.getByRole('button', { name: 'End meeting for everyone' }).click();
    await screen(guest, 'room-ended');
    await screen(host, 'room-ended');
    await expectAccessible(guest, 'ended');
    await guest.reload();
    await screen(guest, 'room-ended');
    assert.deepEqual(consumer.problems, []);
    assert.deepEqual(staff.problems, []);
  });

  it('a stale link shows the too-late screen; an early one the opening time in the consumer zone', async () => {
    // More servers over the same database, with clocks after the room closed (while the join link
    // still works, and after it expired) and before the room opens.
    const end = Date.parse(other.booking.end);
    const opensAt = new Date(Date.parse(other.booking.start) - 1440 * 60000);
    const at = (target) => ({ database: server.env.VISITD_DATABASE, env: { VISITD_CLOCK_SKEW_SECONDS: String(Math.round((target - Date.now()) / 1000)) } });
    const closed = await new VisitdServer(at(end + 20 * 60000)).start();
    const expired = await new VisitdServer(at(end + 2 * 3600000)).start();
    const early = await new VisitdServer(at(opensAt - 3600000)).start();
    try {
      const path = new URL(other.joinUrl).pathname;
      const page = await consumer.newPage();
      for (const late of [closed, expired]) {
        await page.goto(late.baseUrl + path);
        await screen(page, 'room-closed');
        await page.getByRole('heading', { level: 1, name: 'This appointment is over' }).waitFor();
        await expectAccessible(page, 'too late');
      }

      await page.goto(early.baseUrl + path);
      await screen(page, 'room-early');
      const text = await page.getByTestId('room-stop-text').textContent();
      const expected = new Intl.DateTimeFormat('en-US', {
        timeZone: CONSUMER.zone,
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).format(opensAt);
      assert.ok(text.includes(expected), `${text} shows ${expected}`);
      assert.ok(text.includes('America/New York'), text);
      await expectAccessible(page, 'too early');
      assert.deepEqual(consumer.problems, []);
    } finally {
      await Promise.all([closed.stop(), expired.stop(), early.stop()]);
    }
  });
});
