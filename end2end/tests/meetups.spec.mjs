import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes } from './helpers.mjs';

for (const mode of jsModes) {
  test(`RSVP to a meetup, get the calendar file, cancel (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/groups?postcode=7602');
    await page.locator('.group-card h3 a').first().click();
    await page.locator('.meetups a').first().click();
    await expect(page).toHaveURL(/\/meetups\/[0-9a-f]{32}$/);
    await expect(page.getByText(/plekken vrij/)).toBeVisible();
    await expectNoAxeViolations(page, mode);

    // The calendar file.
    const ics = await page.getByRole('link', { name: 'Zet in je agenda' }).getAttribute('href');
    const res = await page.request.get(ics);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    expect(await res.text()).toContain('BEGIN:VEVENT');

    // A mistake first, then right.
    await page.getByRole('button', { name: 'Ik kom' }).click();
    await expect(page.getByRole('alert')).toContainText('Vul je voornaam of een bijnaam in.');
    await page.getByLabel('Je voornaam of een bijnaam').fill('Ayşe');
    await page.getByLabel('Hoeveel kinderen neem je mee?').selectOption('2');
    // The mail address is optional; a wrong one is said kindly and nothing is stored.
    await page.getByLabel(/Je e-mailadres/).fill('ayse at home');
    await page.getByRole('button', { name: 'Ik kom' }).click();
    await expect(page.getByRole('alert')).toContainText('Dit e-mailadres klopt niet.');
    await expect(page.getByLabel('Je voornaam of een bijnaam')).toHaveValue('Ayşe');
    await page.getByLabel(/Je e-mailadres/).fill('ayse@example.org');
    await page.getByRole('button', { name: 'Ik kom' }).click();
    await expect(page).toHaveURL(/\/rsvp\/[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('h1')).toHaveText('Fijn dat je komt, Ayşe!');
    await expect(page.getByText('1 volwassene, 2 kinderen')).toBeVisible();
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'rsvp-nl');

    // Cancelling asks first, on a page of its own.
    await page.getByRole('link', { name: 'Ik kan toch niet komen' }).click();
    await page.getByRole('button', { name: 'Ja, zeg mijn plek af' }).click();
    await expect(page).toHaveURL(/\/rsvp-cancelled$/);
    await expect(page.locator('h1')).toHaveText('Je komt niet');
    expect(problems).toEqual([]);
    await context.close();
  });
}
