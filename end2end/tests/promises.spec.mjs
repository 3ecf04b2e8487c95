import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, jsModes } from './helpers.mjs';

// Issue 16: the parent pages promise only what happens.
for (const mode of jsModes) {
  test(`"I'll just come" is not promised a call; "who sent you" has no names (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/groups?postcode=7607');
    await page.locator('.group-card h3 a').first().click();
    await page.getByRole('link', { name: 'Ik wil meedoen' }).click();
    await page.getByLabel('Je voornaam of een bijnaam').fill('Noor');
    await page.getByLabel('Ik kom gewoon naar een bijeenkomst').check();
    await page.getByLabel(/Wie wees je op Doorstart/).selectOption('professional');
    await page.getByLabel(/Ik vind het goed/).check();
    await expectNoAxeViolations(page, mode);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText(/Daarom belt of mailt niemand je/)).toBeVisible();
    await expect(page.getByText(/binnen 7 dagen contact/)).toHaveCount(0);
    // The crisis lines are in the footer of this parent page too.
    await expect(page.locator('.site-footer a[href="tel:112"]')).toBeVisible();
    await expect(page.locator('.site-footer a[href="tel:08002000"]')).toBeVisible();
    await expectNoAxeViolations(page, mode);
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`the help form says honestly how long an answer takes, before sending (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/help');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: /Verstuur|Stuur/ }) });
    await expect(form.locator('.reply-time')).toBeVisible();
    await expect(form.locator('.reply-time')).not.toContainText('binnen 2 dagen');
    await expectNoAxeViolations(page, mode);
    await context.close();
  });
}
