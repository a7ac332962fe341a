// The console in a real browser: Debian's Chromium, headless, against the running stack (the real
// Keycloak login page, the five services). Each page visited is checked with axe-core and saved as a
// screenshot in console/screenshots/. Run: npm ci && npm test (deploy/local/test.sh does, in stage 2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import {
  CONSOLE_URL, ROOT, reportCase, notificationsOfCase, caseRef, poisonPoliceInbox, healthInboxReferral,
} from './stack.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = path.join(ROOT, 'console/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// how long something the stack does by itself may take to show (a report's notification: ~1 s usually)
const WITHIN = 30_000;

let browser;
let reportedCase;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
});

after(async () => {
  await browser?.close();
});

/** A fresh browser session (its own cookies), on a phone-sized or desktop screen. */
async function session({ mobile = false } = {}) {
  const context = await browser.newContext(mobile
    ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB' }
    : { viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

/** Signs in through Keycloak's own login page, as a person would. */
async function signIn(page, username) {
  await page.goto(`${CONSOLE_URL}/`);
  await page.waitForURL(/\/realms\/handoff\/protocol\/openid-connect\/auth/);
  await page.fill('#username', username);
  await page.fill('#password', `${username}-demo`);
  await page.click('#kc-login');
  await page.waitForURL(`${CONSOLE_URL}/**`);
}

/** axe-core on the page as it is now: no violations of any rule (WCAG 2.x A/AA and best practices). */
async function accessible(page, name) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe-core violations on ${name}`);
}

async function screenshot(page, name) {
  // the screen as the user sees it first (a long feed would make a very tall image)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Every page is checked and saved the same way. */
async function visited(page, name) {
  await accessible(page, name);
  await screenshot(page, name);
}

test('a duty officer sees a new report in the live feed within seconds and acknowledges it', async (t) => {
  const { context, page } = await session();
  try {
    await signIn(page, 'duty.police');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor());
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /duty\.police/);
    assert.match(facts, /Duty officer/);
    assert.match(facts, /almaty-police-dept-1/);
    await visited(page, 'home-duty-officer');

    await page.getByRole('link', { name: 'Live feed' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Notifications for almaty-police-dept-1' }).waitFor();
    // the console holds notification-service's WebSocket feed for this page
    await page.locator('#live').filter({ hasText: 'Live: new notifications for you show at once.' }).waitFor({ timeout: WITHIN });

    // the report arrives while the page is open: the feed refreshes by itself
    const posted = Date.now();
    reportedCase = await reportCase();
    const ref = caseRef(reportedCase);
    const item = page.locator('li.notification', { hasText: `${ref} to health` });
    await item.first().waitFor({ timeout: WITHIN });
    t.diagnostic(`report to feed: ${Date.now() - posted} ms (feed refresh every ${await page.getAttribute('#feed', 'data-refresh')} ms)`);
    assert.match(await item.first().innerText(), /received/i);
    await visited(page, 'duty-feed');

    await item.first().getByRole('button', { name: /^Acknowledge/ }).click();
    await page.getByRole('status').filter({ hasText: /You acknowledged .*CASE-/ }).waitFor();
    const acknowledged = page.locator('li.notification', { hasText: `${ref} to health` }).first();
    assert.match(await acknowledged.innerText(), /Acknowledged by duty\.police/);
    await visited(page, 'duty-feed-acknowledged');

    // stored in notification-service, not just shown
    const stored = (await notificationsOfCase(reportedCase, 'duty.police')).filter((n) => n.subject.includes(`${ref} to health`));
    assert.ok(stored.length > 0, 'notification-service has the notification');
    assert.ok(stored.every((n) => n.acknowledgedAt && n.acknowledgedBy === 'duty.police'),
      `acknowledged by duty.police in notification-service: ${JSON.stringify(stored)}`);

    // the same page in Russian, chosen with the language switch and remembered
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.getByRole('heading', { level: 1, name: 'Уведомления для almaty-police-dept-1' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    await page.goto(`${CONSOLE_URL}/duty`);
    await page.getByRole('heading', { level: 1, name: 'Уведомления для almaty-police-dept-1' }).waitFor();
    await visited(page, 'duty-feed-ru');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications for almaty-police-dept-1' }).waitFor();

    // the case's timeline, from the feed
    await page.locator('li.notification', { hasText: `${ref} to health` }).first().getByRole('link', { name: new RegExp(ref) }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${ref}` }).waitFor();
    const timeline = await page.locator('#timeline').innerText();
    assert.match(timeline, /HEALTH/);
    assert.match(timeline, /SOCIAL/);
    await visited(page, 'case-duty-officer');

    // the link every notification carries (mail, SMS, webhook) opens the same page
    await page.goto(`${CONSOLE_URL}/cases/${reportedCase}/referrals/${stored[0].referralId}`);
    await page.getByRole('heading', { level: 1, name: `Case ${ref}` }).waitFor();
    assert.ok(page.url().endsWith(`/cases/${reportedCase}#timeline`), page.url());
  } finally {
    await context.close();
  }
});

test('the feed works on a phone-sized screen', async () => {
  const { context, page } = await session({ mobile: true });
  try {
    await signIn(page, 'duty.police');
    await page.goto(`${CONSOLE_URL}/duty`);
    await page.getByRole('heading', { level: 1, name: 'Notifications for almaty-police-dept-1' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a 390 px screen (page is ${width} px wide)`);
    await visited(page, 'duty-feed-phone');

    // the administrator's pages are not for a duty officer: a page that says so, not a bare status
    const refused = await page.goto(`${CONSOLE_URL}/admin/dead-letters`);
    assert.equal(refused.status(), 403);
    await page.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
    await visited(page, 'forbidden-phone');
  } finally {
    await context.close();
  }
});

test('an administrator sees every service\'s dead letters and a case\'s flow, without survivor data', async () => {
  assert.ok(reportedCase, 'the duty officer test reported a case first');
  const { context, page } = await session();
  try {
    await signIn(page, 'admin.ops');
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /admin\.ops/);
    assert.match(facts, /Administrator/);
    await visited(page, 'home-admin');

    await page.getByRole('link', { name: 'Dead letters' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Dead letters' }).waitFor();
    const totals = await page.locator('ul.totals').innerText();
    for (const service of ['referral', 'police', 'health', 'social', 'notification']) {
      assert.match(totals, new RegExp(`${service}-service: \\d+ dead letter`), `${service}-service answered`);
    }
    assert.equal(await page.locator('ul.totals [role=alert]').count(), 0, 'no service failed');
    await visited(page, 'dead-letters');

    // a filter narrows it to one service
    await page.getByLabel('Service').selectOption('police');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/service=police/);
    assert.deepEqual((await page.locator('ul.totals li').allInnerTexts()).map((t) => t.split(':')[0]), ['police-service']);

    // the case the duty officer acknowledged, by its id
    await page.getByRole('link', { name: 'Find a case' }).first().click();
    await page.getByLabel('Case id').fill(reportedCase);
    await page.getByRole('button', { name: 'Open' }).click();
    const ref = caseRef(reportedCase);
    await page.getByRole('heading', { level: 1, name: `Case ${ref}` }).waitFor();
    // its events hop by hop, joined from the five services: the report from police-service reached
    // referral-service, and each referral request reached its sector
    const events = page.locator('#events tbody tr');
    const reported = await events.filter({ hasText: 'org.handoff.case.reported.v1' }).innerText();
    assert.match(reported, /police-service/);
    assert.match(reported, /referral-service · .*case-reported · after \d+ ms/);
    assert.match(await events.filter({ hasText: 'handoff.health.inbox' }).innerText(), /health-service · sector-inbox/);
    assert.match(await events.filter({ hasText: 'handoff.social.inbox' }).innerText(), /social-service · sector-inbox/);
    assert.equal(await page.locator('main [role=alert]').count(), 0, 'every service answered');
    const notified = await page.locator('#notifications').innerText();
    assert.match(notified, new RegExp(`${ref} to health`));
    assert.match(notified, /Acknowledged by duty\.police/);
    const text = await page.locator('main').innerText();
    for (const pii of ['DEMO Survivor', '555 0100', 'SEXUAL_ASSAULT']) {
      assert.ok(!text.includes(pii), `no survivor data (${pii}) on the admin's case page`);
    }
    await visited(page, 'case-admin');

    // signing out ends the Keycloak session too: the console asks for a login again
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.waitForURL(/\/realms\/handoff\/protocol\/openid-connect\/auth/);
    await page.goto(`${CONSOLE_URL}/admin/dead-letters`);
    await page.waitForURL(/\/realms\/handoff\/protocol\/openid-connect\/auth/);
    assert.ok(await page.locator('#kc-login').isVisible(), 'Keycloak shows its login form');
  } finally {
    await context.close();
  }
});

test('an administrator finds a dead letter, replays it and sees its real outcome', async () => {
  const poisonedCase = poisonPoliceInbox();
  const { context, page } = await session();
  try {
    await signIn(page, 'admin.ops');
    // police-service dead-letters it within moments; the list is read from the DLQ on every request
    const deadline = Date.now() + WITHIN;
    const row = page.locator('tbody tr', { hasText: caseRef(poisonedCase) });
    for (;;) {
      await page.goto(`${CONSOLE_URL}/admin/dead-letters?caseId=${poisonedCase}`);
      if (await row.count() > 0) break;
      assert.ok(Date.now() < deadline, `the dead letter of ${poisonedCase} shows within ${WITHIN} ms`);
      await page.waitForTimeout(500);
    }
    const listed = await row.innerText();
    assert.match(listed, /police/);
    assert.match(listed, /handoff\.police\.inbox\.dlq/);
    assert.match(listed, /org\.handoff\.referral\.requested\.v1/);
    assert.match(listed, /open/);
    await visited(page, 'dead-letters-filtered');

    await row.getByRole('link', { name: /Details/ }).click();
    await page.getByRole('heading', { level: 1, name: /Dead letter handoff\.police\.inbox\.dlq\// }).waitFor();
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /sector-inbox/);
    assert.match(facts, /not a valid ReferralRequested/);
    assert.match(facts, /Never replayed/);
    await visited(page, 'dead-letter');

    // still unreadable: the consumer refuses it again, and the page says so with the new error
    await page.getByRole('button', { name: 'Replay' }).click();
    const outcome = page.locator('#replay-outcome');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), /Replay outcome: failed again: .*not a valid ReferralRequested/);
    assert.match(await page.locator('dl.facts').innerText(), /failed again by admin\.ops/);
    await visited(page, 'dead-letter-replayed');

    // replayed once, dead-lettered once: the list still has exactly this one record for the case
    await page.goto(`${CONSOLE_URL}/admin/dead-letters?caseId=${poisonedCase}`);
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /failed again/);

    // a record that does not exist: the service's 404 is the page's
    const missing = await page.goto(`${CONSOLE_URL}/admin/dead-letters/police/handoff.police.inbox.dlq/0/999999999`);
    assert.equal(missing.status(), 404);
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    await accessible(page, 'not-found');
  } finally {
    await context.close();
  }
});

/** Reads a page again until `locator` shows on it (the stack does things by itself, within seconds). */
async function untilShown(page, url, locator, what) {
  const deadline = Date.now() + WITHIN;
  for (;;) {
    await page.goto(url);
    if (await locator.count() > 0) return;
    assert.ok(Date.now() < deadline, `${what} shows within ${WITHIN} ms`);
    await page.waitForTimeout(500);
  }
}

test('a health worker accepts, starts and completes a new referral from the inbox', async () => {
  const caseId = await reportCase();
  const ref = caseRef(caseId);
  const { context, page } = await session();
  try {
    await signIn(page, 'worker.health');
    await page.getByRole('link', { name: 'Inbox' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Referrals to health' }).waitFor();
    // the police report's referral reaches health-service within seconds; the case id filter finds it
    const row = page.locator('#inbox tbody tr', { hasText: ref });
    await untilShown(page, `${CONSOLE_URL}/inbox?caseId=${caseId}`, row, `the health referral of ${ref}`);
    const listed = await row.innerText();
    assert.match(listed, /Emergency/);
    assert.match(listed, /almaty-city-hospital-4/);
    assert.match(listed, /Requested|Received/);
    await visited(page, 'inbox');

    await row.getByRole('link', { name: /Details/ }).click();
    await page.getByRole('heading', { level: 1, name: `${ref}: referral to health` }).waitFor();
    const referralId = (await page.locator('#referral code').first().innerText()).trim();
    const text = await page.locator('main').innerText();
    for (const pii of ['DEMO Survivor', '555 0100', 'SEXUAL_ASSAULT']) {
      assert.ok(!text.includes(pii), `no survivor data (${pii}) on the inbox page`);
    }
    await visited(page, 'inbox-referral');

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.locator('#inbox-outcome', { hasText: 'You accepted this referral.' }).waitFor();
    assert.equal(await page.locator('#referral-state').innerText(), 'Accepted');

    await page.getByRole('button', { name: 'Start providing services' }).click();
    await page.locator('#inbox-outcome', { hasText: 'You started providing services.' }).waitFor();
    assert.equal(await page.locator('#referral-state').innerText(), 'In progress');
    await page.getByLabel('Outcome').selectOption('SERVICES_PROVIDED');
    await page.getByLabel('Medical care').check();
    await visited(page, 'inbox-referral-complete');

    await page.getByRole('button', { name: 'Complete' }).click();
    await page.locator('#inbox-outcome', { hasText: 'You completed this referral.' }).waitFor();
    assert.equal(await page.locator('#referral-state').innerText(), 'Completed');
    assert.match(await page.locator('main').innerText(), /Nothing is left to do in this state/);
    await visited(page, 'inbox-referral-completed');

    // stored in health-service, not just shown
    const stored = await healthInboxReferral(referralId, 'worker.health');
    assert.equal(stored.state, 'COMPLETED');
    assert.equal(stored.outcome, 'SERVICES_PROVIDED');
  } finally {
    await context.close();
  }
});

test('an administrator sees every service\'s consumer group and outbox on the flows page', async () => {
  const { context, page } = await session();
  try {
    await signIn(page, 'admin.ops');
    await page.getByRole('link', { name: 'Flows' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Flows' }).waitFor();
    for (const service of ['referral', 'police', 'health', 'social', 'notification']) {
      const row = await page.locator(`#services tr[data-service=${service}]`).innerText();
      assert.match(row, new RegExp(`${service}-service`), `${service}-service has a row`);
      assert.match(row, /\d+ unsent/, `${service}-service's outbox answered`);
      assert.match(row, /\d+ dead letter/, `${service}-service's dead letters answered`);
      assert.doesNotMatch(row, /did not answer|no consumer group/, `${service}-service: ${row}`);
      assert.match(await page.locator('#consumers').innerText(), new RegExp(`${service}-service`),
        `${service}-service's consumer group is on the broker`);
    }
    assert.match(await page.locator('#topics').innerText(), /handoff\.case-reported/);
    assert.equal(await page.locator('main [role=alert]').count(), 0, 'every service answered');
    await visited(page, 'flows');

    await page.getByRole('link', { name: 'Overdue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdue referrals' }).waitFor();
    await visited(page, 'flows-overdue');
  } finally {
    await context.close();
  }
});

test('an administrator replays a case\'s dead letters in bulk and sees each outcome', async () => {
  // two events police-service cannot read, of one case
  const poisonedCase = poisonPoliceInbox();
  poisonPoliceInbox(poisonedCase);
  const { context, page } = await session();
  try {
    await signIn(page, 'admin.ops');
    const rows = page.locator('tbody tr', { hasText: caseRef(poisonedCase) });
    const list = `${CONSOLE_URL}/admin/dead-letters?caseId=${poisonedCase}`;
    await untilShown(page, list, rows.nth(1), `both dead letters of ${poisonedCase}`);
    await visited(page, 'dead-letters-bulk');

    // the first one ticked
    await rows.first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Replay selected' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bulk replay' }).waitFor();
    const job = page.locator('section.job[data-service=police]');
    // the page follows the job by itself until it is done
    await page.locator('section.job[data-state=finished]').waitFor({ timeout: WITHIN });
    assert.match(await job.innerText(), /1 of 1 replayed/);
    assert.match(await job.locator('table.results').innerText(), /failed again\s+.*not a valid ReferralRequested/);

    // all matching the filter: both
    await page.goto(list);
    await page.getByRole('button', { name: 'Replay all matching (2)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bulk replay' }).waitFor();
    await page.locator('section.job[data-state=finished]').waitFor({ timeout: WITHIN });
    assert.match(await job.innerText(), /2 of 2 replayed/);
    assert.match(await job.innerText(), /failed again: 2/);
    const results = job.locator('table.results tbody tr');
    assert.equal(await results.count(), 2);
    for (const result of await results.allInnerTexts()) {
      assert.match(result, /handoff\.police\.inbox\.dlq\/\d+\/\d+.*failed again.*not a valid ReferralRequested/s);
    }
    await visited(page, 'replay-job');

    // replayed, dead-lettered once each: still these two records, both failed again
    await page.goto(list);
    assert.equal(await rows.count(), 2);
    for (const row of await rows.allInnerTexts()) assert.match(row, /failed again/);
  } finally {
    await context.close();
  }
});
