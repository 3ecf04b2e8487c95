import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, fakeNeutralSite, screenshot, jsModes } from './helpers.mjs';

const homes = [
  { lang: 'nl', dir: 'ltr', heading: 'Zorg je alleen voor je kind?', find: 'Vind een groep' },
  { lang: 'en', dir: 'ltr', heading: 'Raising your child alone?', find: 'Find a group' },
  { lang: 'ar', dir: 'rtl', heading: 'هل رعاية طفلك عليك وحدك؟', find: 'البحث عن مجموعة' },
];

for (const h of homes) {
  test(`home in ${h.lang}: language, direction, three choices, no axe violations`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto(`/?lang=${h.lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', h.lang);
    await expect(page.locator('html')).toHaveAttribute('dir', h.dir);
    await expect(page.locator('h1')).toContainText(h.heading);
    await expect(page.locator('.choice')).toHaveCount(3);
    await expect(page.locator('.choice').first()).toContainText(h.find);
    await expect(page.locator('.quick-exit')).toBeVisible();
    // Tap targets are at least 44 px high, text at least 18 px.
    for (const sel of ['.choice', '.quick-exit', '.lang-picker summary']) {
      const box = await page.locator(sel).first().boundingBox();
      expect(box.height, sel).toBeGreaterThanOrEqual(44);
    }
    const fontSize = await page.locator('body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    // Nothing wider than the 360 px screen.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await screenshot(page, `home-${h.lang}`);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('language switch works without JavaScript and is remembered', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.locator('.lang-picker summary').click();
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // The choice is kept in a cookie for the next page.
  await page.goto('/groups');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.locator('.lang-picker summary').click();
  await page.getByRole('link', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page).toHaveURL(/\/groups\?lang=nl$/);
  await context.close();
});

test('quick exit with JavaScript replaces the history entry', async ({ browser }) => {
  const context = await browser.newContext();
  await fakeNeutralSite(context);
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/');
  await page.goto('/groups');
  // Wait for the island to come alive.
  await page.locator('.quick-exit[data-alive="true"]').waitFor();
  await page.locator('.quick-exit').click();
  await expect(page).toHaveURL('https://www.google.nl/');
  await page.goBack();
  // The finder page was replaced: back goes to the page before it.
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  expect(problems).toEqual([]);
  await context.close();
});

test('quick exit without JavaScript is a plain link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await fakeNeutralSite(context);
  const page = await context.newPage();
  await page.goto('/?lang=en');
  await page.getByRole('link', { name: 'Leave quickly' }).click();
  await expect(page).toHaveURL('https://www.google.nl/');
  await context.close();
});

for (const mode of jsModes) {
  test(`404 page in the user's language (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const res = await page.goto('/nergens?lang=ar');
    expect(res.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('هذه الصفحة غير موجودة');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectNoAxeViolations(page, mode);
    await context.close();
  });
}

test('Escape while typing a question does not lose it; twice within a second still leaves', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await fakeNeutralSite(context);
  const page = await context.newPage();
  await page.goto('/help?lang=ar');
  await page.locator('.quick-exit[data-alive="true"]').waitFor();
  const field = page.locator('textarea#message');
  await field.fill('سؤال طويل عن الإيجار والمال');
  await field.focus();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1200);
  await expect(page).toHaveURL(/\/help/);
  await expect(field).toHaveValue('سؤال طويل عن الإيجار والمال');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('https://www.google.nl/');
  await context.close();
});

test('Escape leaves at once, replaces the history entry and forgets ticks and language', async ({ browser }) => {
  const context = await browser.newContext();
  await fakeNeutralSite(context);
  const page = await context.newPage();
  await page.goto('/');
  await page.goto('/guides?lang=en');
  await page.evaluate(() => {
    localStorage.setItem('doorstart-done-money', 's1');
    localStorage.setItem('other-site-key', 'kept');
  });
  expect((await context.cookies()).some((c) => c.name === 'lang')).toBe(true);
  await page.locator('.quick-exit[data-alive="true"]').waitFor();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('https://www.google.nl/');
  expect((await context.cookies()).some((c) => c.name === 'lang')).toBe(false);
  await page.goBack();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  expect(await page.evaluate(() => localStorage.getItem('doorstart-done-money'))).toBeNull();
  // /exit also sends Clear-Site-Data: everything this site kept in the browser is gone.
  expect(await page.evaluate(() => localStorage.getItem('other-site-key'))).toBeNull();
  // The footer carries the crisis lines on a parent page.
  await expect(page.locator('.site-footer a[href="tel:112"]')).toBeVisible();
  await expect(page.locator('.site-footer a[href="tel:08002000"]')).toBeVisible();
  await expect(page.locator('.site-footer a[href="tel:113"]')).toBeVisible();
  await context.close();
});
