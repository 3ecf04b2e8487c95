import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes } from './helpers.mjs';

for (const mode of jsModes) {
  test(`find a group near 7607 and open it (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/');
    await page.locator('.choice').first().click();
    await expect(page).toHaveURL(/\/groups$/);
    await expectNoAxeViolations(page, mode);
    await page.getByLabel('Je postcode').fill(' 7607 ab ');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/postcode=/);
    const cards = page.locator('.group-card');
    expect(await cards.count()).toBeGreaterThan(3);
    await expect(page.getByRole('status')).toContainText('Almelo');
    await expect(page.getByText('GeoNames')).toBeVisible();
    // Nearest first.
    const distances = await page.locator('.results').first().locator('.facts li:first-child span')
      .allTextContents();
    const km = distances.map((t) => parseFloat(t.replace(',', '.')));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'groups-nl');

    await cards.first().locator('h3 a').click();
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'De eerste keer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Route op de kaart' })).toHaveAttribute('href', /openstreetmap\.org/);
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'group-nl');
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`a bad postcode gets a clear message (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/groups?lang=en');
    await page.getByLabel('Your postcode').fill('12');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('postcode=12')),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    expect(res.status()).toBe(400);
    await expect(page.getByText('This is not a postcode')).toBeVisible();
    await expect(page.getByLabel('Your postcode')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, mode);
    await context.close();
  });
}

test('filters and the finder in Arabic, right to left', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/groups?lang=ar&postcode=7607&language=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('details.filters')).toHaveAttribute('open', '');
  const cards = page.locator('.group-card');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const facts of await cards.locator('.facts').allTextContents()) {
    expect(facts).toContain('العربية');
  }
  await expectNoAxeViolations(page);
  await screenshot(page, 'groups-ar');
  await cards.first().locator('h3 a').click();
  await expectNoAxeViolations(page);
  await screenshot(page, 'group-ar');
  await context.close();
});

test('far from any group: said kindly, nearest shown', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/groups?postcode=4501');
  await expect(page.getByRole('status')).toContainText('Er is nog geen groep binnen 10 km');
  expect(await page.locator('.group-card').count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await context.close();
});

for (const mode of jsModes) {
  test(`join a group, see the status, withdraw (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/groups?postcode=7607');
    await page.locator('.group-card h3 a').first().click();
    await page.getByRole('link', { name: 'Ik wil meedoen' }).click();
    await expect(page.locator('h1')).toContainText('Meedoen met');
    await expectNoAxeViolations(page, mode);

    // First a mistake: no name, a wrong phone number, no consent.
    await page.getByLabel('Bel of app me').check();
    await page.getByLabel('Je telefoonnummer').fill('12345');
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Verstuur' }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Vul je voornaam of een bijnaam in.');
    await expect(page.getByText('Dit telefoonnummer klopt niet.').first()).toBeVisible();
    await expect(page.getByLabel('Je telefoonnummer')).toHaveValue('12345');
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'join-errors-nl');

    await page.getByLabel('Je voornaam of een bijnaam').fill('Sanne');
    await page.getByLabel('Je telefoonnummer').fill('06 12345678');
    await page.getByLabel(/Ik vind het goed/).check();
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('h1')).toContainText('Dank je, Sanne');
    await expect(page.locator('.step[aria-current="step"]')).toHaveText('Ontvangen');
    await expect(page.getByText(/binnen 7 dagen contact/)).toBeVisible();
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'join-status-nl');
    const statusUrl = page.url();

    // Withdrawing asks first, on a page of its own (see keep-and-confirm.spec.mjs).
    await page.getByRole('link', { name: 'Trek mijn aanvraag in' }).click();
    await page.getByRole('button', { name: 'Ja, wis mijn aanvraag' }).click();
    await expect(page).toHaveURL(/\/withdrawn$/);
    await expect(page.locator('h1')).toHaveText('Je aanvraag is gewist');
    const gone = await page.goto(statusUrl);
    expect(gone.status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });
}

for (const mode of jsModes) {
  test(`a mother who reads Arabic joins with Arabic digits on a 360 px phone (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: mode.javaScriptEnabled,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    // The postcode typed with an Arabic keyboard: ٧٦٠٧ is 7607.
    await page.goto('/groups?lang=ar&postcode=٧٦٠٧');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const cards = page.locator('.group-card');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(page.getByRole('status')).toContainText('Almelo');
    await cards.first().locator('h3 a').click();
    await page.locator('a[href$="/join"]').first().click();
    await expect(page).toHaveURL(/\/groups\/[^/]+\/join$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expectNoAxeViolations(page, mode);

    // Ages and phone number in Arabic-Indic digits, as the keyboard types them.
    await page.locator('#first_name').fill('مريم');
    await page.locator('#contact-phone').check();
    await page.locator('#phone').fill('٠٦١٢٣٤٥٦٧٨');
    await page.locator('#child_ages').fill('٤، ٧');
    await page.locator('#consent-box').check();
    await page.locator('form[method="post"] button[type="submit"]').click();
    // Accepted: the private status page, not the form again with "this number is wrong".
    await expect(page).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('h1')).toContainText('مريم');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'join-status-ar-digits');
    expect(problems).toEqual([]);
    await context.close();
  });
}

// Every parent sees whether they are welcome: the card says who a group is for, and a father
// can ask for the groups open to him. Dutch and Arabic, on a 360 px phone, with and without JS.
for (const mode of jsModes) {
  for (const lang of [
    { code: 'nl', mothers: 'Voor moeders', open: ['Voor elke ouder', 'Voor vaders', 'Voor jonge ouders'], filter: 'Open voor vaders' },
    { code: 'ar', mothers: 'للأمهات', open: ['لكل الآباء والأمهات', 'للآباء', 'للآباء والأمهات صغار السن'], filter: 'مفتوحة للآباء' },
  ]) {
    test(`a father finds the groups open to him (${lang.code}, ${mode.name})`, async ({ browser }) => {
      const context = await browser.newContext({
        javaScriptEnabled: mode.javaScriptEnabled,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await page.goto(`/groups?lang=${lang.code}&postcode=7608`);
      await expect(page.locator('html')).toHaveAttribute('dir', lang.code === 'ar' ? 'rtl' : 'ltr');
      // The demo's mothers' group says so on its card.
      const mothers = page.locator('.group-card', { hasText: 'Moedergroep Schelfhorst' });
      await expect(mothers).toHaveCount(1);
      await expect(mothers.locator('.facts .audience')).toHaveText(lang.mothers);
      // Every card says who it is for.
      const cards = page.locator('.group-card');
      const count = await cards.count();
      expect(count).toBeGreaterThan(1);
      await expect(cards.locator('.facts .audience')).toHaveCount(count);
      await expectNoAxeViolations(page, mode);

      // The filter: open the choices, tick "open to fathers", search again.
      await page.locator('details.filters summary').click();
      await page.getByLabel(lang.filter).check();
      await page.locator('form[role="search"] button[type="submit"]').click();
      await expect(page).toHaveURL(/fathers=1/);
      await expect(page.getByLabel(lang.filter)).toBeChecked();
      await expect(page.locator('.group-card', { hasText: 'Moedergroep Schelfhorst' })).toHaveCount(0);
      const open = await page.locator('.group-card .facts .audience').allTextContents();
      expect(open.length).toBeGreaterThan(0);
      for (const words of open) expect(lang.open).toContain(words.trim());
      // Right to left done right: the postcode in the hint and the place stay whole.
      if (lang.code === 'ar') {
        await expect(page.locator('#postcode-hint [dir="ltr"]').last()).toHaveText('7607 AB');
        await expect(page.getByRole('status').locator('bdi')).toHaveText('Almelo');
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, mode);
      if (mode.javaScriptEnabled) await screenshot(page, `groups-fathers-${lang.code}`);

      // The group page says it too.
      await page.locator('.group-card h3 a').first().click();
      await expect(page.locator('.group-page .facts .audience')).toHaveText(new RegExp(lang.open.join('|')));
      await expectNoAxeViolations(page, mode);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}
