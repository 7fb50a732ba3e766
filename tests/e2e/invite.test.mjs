// End to end (issue H): a manager invites a person from the Staff and roles page; the
// invitation is listed with its expiry; the mail reaches the test's aiosmtpd; the invited
// person opens the link, chooses a name and a password and lands signed in on the console; a
// second invitation is withdrawn and its link then says so. axe-core on each page.
// Run: node --test tests/e2e/invite.test.mjs (VISITD_BIN, VISITD_SOURCE_DIR from ctest).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, VisitdServer } from './lib/server.mjs';
import { axeViolations, launch, newContext } from './lib/browser.mjs';
import { SmtpSink } from './lib/smtp_sink.mjs';

const MANAGER = { email: 'mia@invite.test', password: 'manager-password-3', name: 'Mia Manager' };
const INVITEE = { email: 'noor@example.test', name: 'Noor Newcomer', password: 'noor-password-1' };
const WITHDRAWN = 'withdrawn@example.test';

let sink, server, browser;

async function expectAccessible(page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`);
}

function linkTo(mail) {
  const m = mail.text.match(/https?:\/\/\S+\/invite\/([A-Za-z0-9_-]+)/);
  assert.ok(m, `an invitation link in ${mail.text}`);
  return m[0];
}

async function signIn(page) {
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Email').fill(MANAGER.email);
  await page.getByLabel('Password').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
  await page.goto(`${server.baseUrl}/staff/team`);
  await page.getByRole('heading', { level: 1, name: 'Staff and roles' }).waitFor();
}

describe('staff invitations', () => {
  before(async () => {
    sink = await new SmtpSink().start();
    server = await new VisitdServer({ env: sink.env }).start();
    server.admin('create-business', '--slug', 'inviteco', '--name', 'Invite Clinic', '--zone', 'Europe/London').id;
    server.admin('create-user', '--email', MANAGER.email, '--name', MANAGER.name, '--password', MANAGER.password, '--business', 'inviteco', '--role', 'manager');
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it('a manager invites a person, who accepts with a name and a password and is signed in', async () => {
    const ctx = await newContext(browser, { timezoneId: 'Europe/London', viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page);
    const form = page.getByRole('form', { name: 'Invite a person' });
    await form.getByLabel('Email').fill(INVITEE.email);
    await form.getByLabel('Role').selectOption('provider');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${INVITEE.email}.`).waitFor();
    const pending = page.getByRole('region', { name: 'Invitations not yet accepted' });
    await pending.getByRole('row', { name: new RegExp(INVITEE.email) }).waitFor();
    await expectAccessible(page, 'team page with a pending invitation');

    const mail = await sink.waitFor((m) => m.to.includes(INVITEE.email), 'the invitation mail');
    assert.match(mail.subject, /invited to join Invite Clinic/);
    const link = linkTo(mail);

    const guest = await newContext(browser, { timezoneId: 'Asia/Tokyo', viewport: { width: 390, height: 844 } });
    const invited = await guest.newPage();
    await invited.goto(link);
    await invited.getByRole('heading', { level: 1, name: 'Join Invite Clinic' }).waitFor();
    await expectAccessible(invited, 'invitation page');
    await invited.getByLabel('Your name').fill(INVITEE.name);
    await invited.getByLabel('New password (10+ characters)').fill('short');
    await invited.getByRole('button', { name: 'Accept and sign in' }).click();
    await invited.locator('.field-error').first().waitFor();  // the server names the short password
    await invited.getByLabel('New password (10+ characters)').fill(INVITEE.password);
    await invited.getByRole('button', { name: 'Accept and sign in' }).click();
    await invited.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
    assert.deepEqual(guest.problems, []);
    await guest.close();

    // The manager sees the new member and no invitation left waiting.
    await page.reload();
    const team = page.getByRole('region', { name: 'Staff and roles' });
    await team.getByRole('row', { name: new RegExp(INVITEE.name) }).waitFor();
    await page.getByText('No invitations are waiting.').waitFor();
    await ctx.close();
  });

  it('a withdrawn invitation says so on its link', async () => {
    const ctx = await newContext(browser, { timezoneId: 'Europe/London', viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page);
    const form = page.getByRole('form', { name: 'Invite a person' });
    await form.getByLabel('Email').fill(WITHDRAWN);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const row = page.getByRole('region', { name: 'Invitations not yet accepted' }).getByRole('row', { name: new RegExp(WITHDRAWN) });
    await row.waitFor();
    const link = linkTo(await sink.waitFor((m) => m.to.includes(WITHDRAWN), 'the second invitation mail'));
    page.once('dialog', (d) => d.accept());
    await row.getByRole('button', { name: `Withdraw the invitation to ${WITHDRAWN}` }).click();
    await row.waitFor({ state: 'detached' });
    await ctx.close();

    const guest = await newContext(browser, { timezoneId: 'Europe/London', viewport: { width: 390, height: 844 } });
    const invited = await guest.newPage();
    await invited.goto(link);
    await invited.getByText('This invitation was withdrawn. Ask the business for a new one.').waitFor();
    await expectAccessible(invited, 'withdrawn invitation');
    await guest.close();
  });
});
