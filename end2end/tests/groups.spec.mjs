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
    await expectNoAxeViolations(page);
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
    await expectNoAxeViolations(page);
    if (mode.javaScriptEnabled) await screenshot(page, 'groups-nl');

    await cards.first().locator('h3 a').click();
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'De eerste keer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Route op de kaart' })).toHaveAttribute('href', /openstreetmap\.org/);
    await expectNoAxeViolations(page);
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
    await expectNoAxeViolations(page);
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
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/groups?postcode=4501');
  await expect(page.getByRole('status')).toContainText('Er is nog geen groep binnen 10 km');
  expect(await page.locator('.group-card').count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await context.close();
});
