import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes, signIn } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

/**
 * Headless Chromium has no voices. The browser's speech API is replaced before the page loads
 * by one that has a Dutch voice (or none) and records what it is asked to say.
 */
function fakeSpeech(voices) {
  return (langs) => {
    window.__spoken = [];
    const listeners = [];
    const fake = {
      getVoices: () => langs.map((lang) => ({ lang, name: `Test ${lang}`, default: true })),
      speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => {},
      addEventListener: (_t, f) => listeners.push(f),
      removeEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  };
}

for (const mode of jsModes) {
  test(`open a guide, tick steps, print (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    if (mode.javaScriptEnabled) await context.addInitScript(fakeSpeech(), ['nl-NL']);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/');
    await page.getByRole('link', { name: /Stap voor stap/ }).click();
    await expect(page.locator('h1')).toHaveText('Stap voor stap');
    await expect(page.getByRole('heading', { name: 'Geld en werk' })).toBeVisible();
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'guides-nl');

    await page.getByRole('link', { name: /Schulden: de eerste stappen/ }).click();
    await expect(page.locator('h1')).toContainText('Schulden');
    // Every step is open, numbered, with "who helps" and the cost.
    await expect(page.locator('.guide-step')).toHaveCount(5);
    await expect(page.locator('.guide-step').first()).toContainText('Open je post');
    await expect(page.getByText('Schuldhulp van de gemeente is gratis.')).toBeVisible();
    await expect(page.locator('.joiner-and').first()).toHaveText('en');
    await expect(page.getByRole('link', { name: '0900-8020' })).toHaveAttribute('href', 'tel:09008020');

    // Local help by postcode (the demo has examples for Almelo).
    await page.getByLabel('Postcode').fill('7607 AB');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect(page.getByText('In Almelo:')).toBeVisible();
    await expect(page.getByText('Voorbeeld, geen echt adres').first()).toBeVisible();
    await expectNoAxeViolations(page, mode);

    if (mode.javaScriptEnabled) {
      // Tick two steps, reload: the ticks are still there, and nothing went to the server.
      const posts = [];
      page.on('request', (r) => { if (r.method() !== 'GET') posts.push(r.url()); });
      const tools = page.locator('.step-tools').first();
      await expect(tools).toBeVisible();
      await page.getByLabel('Gedaan').nth(0).check();
      await page.getByLabel('Gedaan').nth(2).check();
      await page.reload();
      await expect(page.getByLabel('Gedaan').nth(0)).toBeChecked();
      await expect(page.getByLabel('Gedaan').nth(1)).not.toBeChecked();
      await expect(page.getByLabel('Gedaan').nth(2)).toBeChecked();
      expect(posts).toEqual([]);
      const stored = await page.evaluate(() => localStorage.getItem('doorstart-done-debts'));
      expect(stored.split(',').sort()).toEqual(['s1', 's3']);
      await page.getByLabel('Gedaan').nth(0).uncheck();
      await page.reload();
      await expect(page.getByLabel('Gedaan').nth(0)).not.toBeChecked();

      // Read aloud: a Dutch voice exists, so the buttons show; numbers are read digit by digit.
      await page.locator('.guide-step').nth(4).getByRole('button', { name: 'Lees voor' }).click();
      const spoken = await page.evaluate(() => window.__spoken);
      expect(spoken).toHaveLength(1);
      expect(spoken[0].lang).toBe('nl');
      expect(spoken[0].text).toContain('0 9 0 0, 8 0 2 0');
      expect(spoken[0].text).toContain('0,25 euro');
      await page.getByRole('button', { name: 'Lees alles voor' }).click();
      expect(await page.evaluate(() => window.__spoken.length)).toBe(1 + 5);
      await expectNoAxeViolations(page, mode);
      await screenshot(page, 'guide-debts-nl');
    } else {
      // Without JavaScript the guide is whole; the tools that need it are not shown.
      await expect(page.locator('.step-tools').first()).toBeHidden();
      await expect(page.locator('.read-aloud')).toHaveCount(5);
      await expect(page.locator('.read-aloud').first()).toBeHidden();
    }

    // Did this help?
    await page.getByRole('button', { name: 'Ja' }).click();
    await expect(page.getByText('Dank je. Zo maken we de gidsen beter.')).toBeVisible();

    // The print view keeps the local help and drops the buttons.
    await page.goto('/guides/debts?gemeente=GM0141');
    await page.getByRole('link', { name: 'Printen' }).click();
    await expect(page).toHaveURL(/\/guides\/debts\/print\?gemeente=GM0141$/);
    await expect(page.getByText('In Almelo:')).toBeVisible();
    await expect(page.locator('.feedback-form')).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print nu' })).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(page, mode);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('no voice for the language: no read-aloud buttons', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(fakeSpeech(), ['en-GB']);
  const page = await context.newPage();
  await page.goto('/guides/stress?lang=nl');
  await expect(page.locator('.step-tools').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lees voor' }).first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Lees alles voor' })).toBeHidden();
  await page.goto('/guides/stress?lang=en');
  await expect(page.getByRole('button', { name: 'Read aloud' }).first()).toBeVisible();
  await context.close();
});

test('a guide in Arabic, right to left', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar' });
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/guides/money?lang=ar&postcode=7607');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toContainText('المال');
  await expect(page.getByRole('link', { name: '0800-0543' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'guide-money-ar');
  await page.goto('/guides?lang=ar');
  await screenshot(page, 'guides-ar');
  await page.goto('/guides/money/print?lang=ar');
  await screenshot(page, 'guide-money-print-ar');
  await page.goto('/guides?lang=nl');
  expect(problems).toEqual([]);
  await context.close();
});

test('the coordinator keeps local help; a facilitator cannot', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.getByRole('link', { name: 'Hulp per gemeente' }).click();
  await expect(page.locator('h1')).toHaveText('Hulp per gemeente');
  await expectNoAxeViolations(page);
  // A mistake, then right.
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('alert')).toContainText('Kies een gemeente.');
  await page.getByLabel('Gemeente').selectOption({ label: 'Almelo' });
  await page.getByLabel('Bij welke stap').selectOption('stress/s3');
  await page.getByLabel('Naam van de plek').fill('Huisartsenpost (voorbeeld)');
  await page.getByLabel('Adres', { exact: true }).fill('Voorbeeldweg 2, 7607 AB Almelo');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Huisartsenpost (voorbeeld)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'admin-local-help-nl');
  const parent = await (await browser.newContext()).newPage();
  await parent.goto('/guides/stress?gemeente=GM0141');
  await expect(parent.getByText('Huisartsenpost (voorbeeld)')).toBeVisible();
  await context.close();
});
