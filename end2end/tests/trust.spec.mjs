import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes, signIn, fakeNeutralSite } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;
const RTL = new Set(['ar', 'fa']);
const PAGES = ['/privacy', '/what-happens', '/toegankelijkheid'];

/** No sideways scrolling at 360 px, and no key shown instead of words. */
async function fitsAndReads(page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Unknown localization');
  expect(text).not.toMatch(/\b(privacy|what|a11y|offline|trust|traces|protocol|help|footer)-[a-z0-9]+(-[a-z0-9]+)*\b/);
}

for (const mode of jsModes) {
  test(`the statements from the footer, the help form and the join form (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/');
    await page.locator('footer').getByRole('link', { name: 'Privacy: wat we over je bewaren' }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.locator('h1')).toHaveText('Privacy: wat we over je bewaren');
    // The periods come from the retention task (tests/trust.rs checks the numbers).
    await expect(page.getByText('Hoe lang: tot 90 dagen na het laatste bericht.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Wis mijn sporen op deze telefoon' })).toBeVisible();
    await fitsAndReads(page);
    await expectNoAxeViolations(page, mode);

    await page.locator('footer').getByRole('link', { name: 'Toegankelijkheid' }).click();
    await expect(page.locator('h1')).toHaveText('Toegankelijkheid');
    await expect(page.getByText('WCAG 2.1 niveau AA', { exact: false })).toBeVisible();
    await fitsAndReads(page);
    await expectNoAxeViolations(page, mode);

    // From the help form.
    await page.goto('/help');
    await page.locator('main').getByRole('link', { name: 'Wat gebeurt er met wat je vertelt?' }).click();
    await expect(page.locator('h1')).toHaveText('Wat gebeurt er met wat je vertelt?');
    await expect(page.getByText('De app zelf meldt je nooit bij een instantie', { exact: false })).toBeVisible();
    await expect(page.getByRole('link', { name: '0800-2000' }).first()).toBeVisible();
    await fitsAndReads(page);
    await expectNoAxeViolations(page, mode);

    // From the join form.
    await page.goto('/groups?postcode=7607');
    await page.locator('.group-card h3 a').first().click();
    await page.getByRole('link', { name: 'Ik wil meedoen' }).first().click();
    await expect(page.locator('main').getByRole('link', { name: 'Wat gebeurt er met wat je vertelt?' })).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`clear my traces (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/privacy');
    await page.getByRole('button', { name: 'Wis mijn sporen op deze telefoon' }).click();
    await expect(page.locator('h1')).toHaveText('Je sporen op deze telefoon zijn gewist');
    await expectNoAxeViolations(page, mode);
    await context.close();
  });
}

test('every statement in every language, and Arabic right to left', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/?lang=nl');
  const codes = await page.locator('.lang-list a').evaluateAll((links) => links.map((a) => a.getAttribute('hreflang')));
  expect(codes).toHaveLength(10);
  const titles = new Map();
  for (const code of codes) {
    for (const path of [...PAGES, '/offline']) {
      await page.goto(`${path}?lang=${code}`);
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.locator('html')).toHaveAttribute('dir', RTL.has(code) ? 'rtl' : 'ltr');
      const h1 = await page.locator('h1').innerText();
      // Each page is in this language: its title differs from the Dutch one.
      if (code === 'nl') titles.set(path, h1);
      else expect(h1, `${path} in ${code}`).not.toEqual(titles.get(path));
      await fitsAndReads(page);
      await expectNoAxeViolations(page);
    }
  }
  await page.goto('/privacy?lang=ar');
  // Mirrored: the icon before each heading of what we keep stands at the right of its words.
  const icon = await page.locator('.kept-list h3 svg').first().boundingBox();
  const words = await page.locator('.kept-list h3 span').first().boundingBox();
  expect(icon.x).toBeGreaterThan(words.x);
  await screenshot(page, 'privacy-ar');
  await page.goto('/what-happens?lang=ar');
  await screenshot(page, 'what-happens-ar');
  expect(problems).toEqual([]);
  await context.close();
});

test('the manifest names the page language and a maskable icon', async ({ request }) => {
  const res = await request.get('/manifest.webmanifest?lang=fa');
  expect(res.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await res.json();
  expect(manifest).toMatchObject({ lang: 'fa', dir: 'rtl', display: 'standalone', start_url: '/', theme_color: '#0b5563' });
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  }
});

test('a guide read once is still there offline; private pages never are', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/guides/money');
  // The service worker takes over the page; from then on what is read is kept.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; return true; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await expect(page.locator('h1')).toContainText('Geld');
  // A private page, read online: never kept.
  await page.goto('/help/reply');
  await page.goto('/help');

  await context.setOffline(true);
  await page.goto('/guides/money');
  await expect(page.locator('h1')).toContainText('Geld');
  await expect(page.getByText('Kinderbijslag').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'guide-offline');
  // A page never opened: the plain offline page with the crisis numbers.
  await page.goto('/groups?postcode=7607');
  await expect(page.locator('h1')).toHaveText('Je bent offline');
  await expect(page.locator('#main').getByRole('link', { name: '0800-2000' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/help/reply');
  await expect(page.locator('h1')).toHaveText('Je bent offline');
  const kept = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
  expect(kept).toContain('/guides/money');
  expect(kept.filter((u) => /^\/(admin|help|join|rsvp|api|meetups)/.test(u))).toEqual([]);
  await context.setOffline(false);

  // Quick exit also clears the offline copies. (Checked from a document without scripts, the
  // manifest, so nothing registers the worker again.)
  await page.goto('/guides/money');
  await fakeNeutralSite(context);
  await page.locator('.quick-exit').click();
  await expect(page).toHaveURL('https://www.google.nl/');
  await page.goto('/manifest.webmanifest');
  expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 5000 })
    .toBe(0);
  expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);
  await context.close();
});

for (const mode of jsModes) {
  test(`ask for a call back with an interpreter; the coordinator sees it and it is counted (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/help');
    await page.getByText('Geld en schulden').click();
    await page.getByLabel('Je vraag').fill('Ik wil graag in het Arabisch praten over mijn schulden.');
    await page.getByLabel('Wil je gebeld worden met een tolk?').selectOption('ar');
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    // Without a call back: the form again, with what to do.
    await expect(page.locator('.error-summary')).toContainText('Voor een tolk bellen we je');
    await expectNoAxeViolations(page, mode);
    await page.getByLabel('Ik wil liever gebeld worden').check();
    await page.getByLabel('Je telefoonnummer').fill('06 12345678');
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await expect(page.locator('.pickup-code')).toBeVisible();

    const admin = await context.newPage();
    await signIn(admin, email, password);
    await admin.goto('/admin/help');
    await expect(admin.getByText('Wil gebeld worden met een tolk: Arabisch').first()).toBeVisible();
    await expectNoAxeViolations(admin, mode);
    await admin.goto('/admin/monitoring');
    await expect(admin.getByRole('columnheader', { name: 'Tolk gevraagd' })).toBeVisible();
    await expect(admin.getByRole('heading', { name: 'Tolk gevraagd, per taal' })).toBeVisible();
    await context.close();
  });
}

test('the coordinator writes the protocol; parents read it with its date', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.getByRole('link', { name: 'Protocol' }).click();
  await expect(page.locator('h1')).toHaveText('Protocol: Veilig Thuis en 112');
  await expectNoAxeViolations(page);
  await page.getByLabel('Het protocol').fill('Bij direct gevaar bellen we 112.\n\nBij grote zorgen vragen we Veilig Thuis om advies.');
  await page.getByLabel(/Contact voor vragen/).fill('De coördinator, via de gemeente');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  const parent = await browser.newContext({ javaScriptEnabled: false });
  const p = await parent.newPage();
  await p.goto('/what-happens');
  await expect(p.getByText('Bij grote zorgen vragen we Veilig Thuis om advies.')).toBeVisible();
  await expect(p.getByText(/Voor het laatst veranderd op/)).toBeVisible();
  await parent.close();
  await context.close();
});
