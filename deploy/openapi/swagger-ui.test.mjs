// Swagger UI of a running service, in Debian's headless Chromium: an agency system's developer signs
// in through the real Keycloak (the document's openIdConnect scheme, the public handoff-console client
// with PKCE) and calls an endpoint from the page. Run by lint.sh after the lint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SERVICE_URL = process.env.HANDOFF_SWAGGER_SERVICE_URL ?? 'http://localhost:8081';

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
});

after(async () => {
  await browser?.close();
});

test('a developer signs in to Swagger UI through Keycloak and calls GET /api/v1/me with the token', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${SERVICE_URL}/q/swagger-ui/`);
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.waitFor();
    // the scheme comes from the document: Keycloak's discovery, code flow with PKCE, client prefilled
    assert.match(await dialog.innerText(), /keycloak/i);
    assert.match(await dialog.innerText(), /authorization_code/i);
    const clientId = dialog.locator('input#client_id, input[data-name="clientId"]').first();
    assert.equal(await clientId.inputValue(), 'handoff-console');
    const [login] = await Promise.all([
      page.waitForEvent('popup'),
      dialog.locator('button.modal-btn.authorize').first().click(),
    ]);
    await login.waitForURL(/\/realms\/handoff\/protocol\/openid-connect\/auth/);
    assert.match(login.url(), /code_challenge_method=S256/);
    await login.fill('#username', 'manager.case');
    await login.fill('#password', 'manager.case-demo');
    await login.click('#kc-login');
    await login.waitForEvent('close');
    // the code came back to oauth2-redirect.html and the page exchanged it for a token (CORS allowed)
    await dialog.getByText('Authorized', { exact: true }).first().waitFor();
    await dialog.locator('button.close-modal').first().click();

    const me = page.locator('.opblock', { hasText: '/api/v1/me' }).first();
    await me.locator('.opblock-summary').click();
    await me.getByRole('button', { name: 'Try it out' }).click();
    await me.getByRole('button', { name: 'Execute' }).click();
    const status = me.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    assert.equal((await status.innerText()).trim(), '200');
    const body = await me.locator('.live-responses-table .response-col_description pre').first().innerText();
    assert.match(body, /manager\.case/);
    assert.match(body, /almaty-coordination/);
  } finally {
    await context.close();
  }
});
