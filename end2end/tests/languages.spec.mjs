import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot } from './helpers.mjs';

const RTL = new Set(['ar', 'fa']);

/** The languages the picker offers, in their own names: read from the page, so a new one is tested too. */
async function languages(page) {
  await page.goto('/?lang=nl');
  return page.locator('.lang-list a').evaluateAll((links) => links.map((a) => a.getAttribute('hreflang')));
}

async function checkPage(page, code) {
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await expect(page.locator('html')).toHaveAttribute('dir', RTL.has(code) ? 'rtl' : 'ltr');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Unknown localization');
  // A key shown instead of words looks like "help-theme-legend" or "g-money-s1-title".
  expect(text).not.toMatch(/\b(g|guide|guides|help|join|group|groups|home|meetup|rsvp|local|theme|postcode|filter|results)-[a-z0-9]+(-[a-z0-9]+)*\b/);
  await expectNoAxeViolations(page);
}

test('every language: home, finder, a group, help and a guide', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForErrors(page);
  const codes = await languages(page);
  expect(codes.length).toBeGreaterThanOrEqual(4);
  for (const code of codes) {
    await page.goto(`/?lang=${code}`);
    await checkPage(page, code);
    // The picker is one tap away on every page, each language in its own name.
    await expect(page.locator('.lang-picker summary')).toBeVisible();
    await page.goto('/groups?postcode=7607');
    await checkPage(page, code);
    await page.locator('.group-card h3 a').first().click();
    await checkPage(page, code);
    await page.goto('/help');
    await checkPage(page, code);
    await page.goto('/guides/money');
    await checkPage(page, code);
    await expect(page.locator('.fallback-note')).toHaveCount(0);
    if (code !== 'nl') {
      await page.goto('/guides/money/both');
      await checkPage(page, code);
      await expect(page.locator('.both-col[lang="nl"]').first()).toContainText('Kinderbijslag');
    }
    if (['nl', 'ar', 'fa', 'ti', 'tr'].includes(code)) {
      await page.goto('/');
      await screenshot(page, `home-${code}`);
      await page.goto('/guides/money/both');
      await screenshot(page, `guide-both-${code}`);
    }
  }
  expect(problems).toEqual([]);
  await context.close();
});
