import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, signIn } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

/** This month in Dutch time, as the server counts it ("2026-11"). */
function thisMonth() {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' }).slice(0, 7);
}

/** The start-moment cell of the check-in row in the coordinator's summary table. */
function checkInsAtStart(page) {
  return page.locator('table.report').filter({ hasText: 'Check-ins' }).first()
    .locator('tr', { has: page.locator('th', { hasText: /^Check-ins$/ }) }).locator('td').first();
}

test('a parent joins in Arabic without JavaScript, does the start check-in, and the report counts it', async ({ browser }) => {
  // The coordinator's report before: how many check-ins at the start this month.
  const month = thisMonth();
  const report = `/admin/monitoring/report?from=${month}&to=${month}`;
  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, email, password);
  await coordinator.goto(report);
  const before = (await checkInsAtStart(coordinator).textContent()).trim();

  // The parent: Arabic, right to left, 360 px wide (the project's viewport), no JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/groups?lang=ar&postcode=7607');
  await page.locator('.group-card h3 a').first().click();
  await page.getByRole('link', { name: 'أريد الانضمام' }).click();
  await page.getByLabel('اسمك الأول أو اسم مستعار').fill('مريم');
  await page.getByLabel('سأحضر إلى أحد اللقاءات مباشرة').check();
  await page.locator('#consent-box').check();
  await page.getByRole('button', { name: 'إرسال' }).click();
  await expect(page).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);

  // The status page offers the check-in with this parent's own key.
  const offer = page.locator('#check-in');
  await expect(offer.locator('h2')).toHaveText('كيف حالك؟');
  const start = offer.getByRole('link', { name: 'إلى الأسئلة' });
  await expect(start).toHaveAttribute('href', /^\/check-in\?k=[A-Za-z0-9_-]{43}&moment=start$/);
  await start.click();

  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('كيف حالك؟');
  await expect(page.getByText('أشعر بفراغ من حولي.')).toBeVisible();
  // Without consent nothing is stored: the form again, 400, with the message.
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'إرسال إجاباتي' }).click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('يرجى وضع علامة');

  // The answers, with their icons; one statement skipped; life satisfaction 7; consent.
  for (const [n, answer] of [[1, 'no'], [2, 'yes'], [3, 'more-or-less'], [4, 'no'], [5, 'yes']]) {
    await page.locator(`label[for="q${n}-${answer}"]`).click();
  }
  await expect(page.locator('label[for="q1-no"] svg')).toHaveCount(1);
  await page.locator('label[for="life-7"]').click();
  await page.locator('label[for="help_with_children-yes"]').click();
  await page.locator('#consent-box').check();
  await page.getByRole('button', { name: 'إرسال إجاباتي' }).click();

  // The thank-you page says what happens, and keeps the link for the 3-month check-in.
  await expect(page).toHaveURL(/\/check-in\/thanks\?k=[A-Za-z0-9_-]{43}&moment=start$/);
  await expect(page.locator('h1')).toHaveText('شكرًا جزيلًا!');
  await expect(page.locator('.keep-link a')).toHaveAttribute('href', /moment=3m$/);
  await expect(page.getByRole('button', { name: 'حذف إجاباتي' })).toBeVisible();
  // Nothing is wider than the 360 px screen.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);
  await context.close();

  // The same pages with JavaScript: axe finds nothing (axe needs a script to run).
  const checked = await (await browser.newContext()).newPage();
  for (const path of ['/check-in?lang=ar', '/check-in?lang=nl&moment=3m', '/check-in/thanks?lang=ar&moment=start']) {
    await checked.goto(path);
    await expectNoAxeViolations(checked);
    const width = await checked.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }
  await screenshot(checked, 'checkin-thanks-ar');
  await checked.goto('/check-in?lang=ar');
  await screenshot(checked, 'checkin-ar');

  // The coordinator's report counts it: "<5" or a rounded number, never the empty "–".
  await coordinator.goto(report);
  await expect(coordinator.locator('h2', { hasText: 'Voelen ouders zich minder alleen?' })).toBeVisible();
  const after = (await checkInsAtStart(coordinator).textContent()).trim();
  expect(after).toMatch(/^(<5|\d+)$/);
  if (before === '–') expect(after).toBe('<5');
  await expect(coordinator.getByText(/10% \(2024, iedereen van 15 jaar en ouder\)/)).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await coordinator.goto(`/admin/monitoring?from=${month}&to=${month}`);
  await expect(coordinator.locator('#outcomes-heading')).toBeVisible();
  await expectNoAxeViolations(coordinator);
});

test('a facilitator shows the check-in at a meetup as a QR code', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await page.getByRole('link', { name: 'Check-in' }).click();
  await expect(page.locator('h1')).toHaveText('Check-in bij een bijeenkomst');
  await page.getByLabel('Welke check-in?').selectOption('6m');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page.locator('.keep-link a')).toHaveAttribute('href', /\/check-in\?moment=6m$/);
  await expect(page.locator('.qr-box svg rect').first()).toBeAttached();
  await expectNoAxeViolations(page);
});
