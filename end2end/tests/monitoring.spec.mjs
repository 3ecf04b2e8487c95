import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes, signIn } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

/** This month in Dutch time, as the server counts it ("2026-11"). */
function thisMonth() {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' }).slice(0, 7);
}


for (const mode of jsModes) {
  test(`the coordinator reads the pilot figures and downloads CSV (${mode.name})`, async ({ browser }) => {
    // Something to count: a parent asks for help and reads a guide.
    const parent = await (await browser.newContext()).newPage();
    await parent.goto('/help');
    await parent.getByText('Geld en schulden').click();
    await parent.getByLabel('Je vraag').fill('Hoe vraag ik toeslag aan?');
    await parent.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await expect(parent.locator('.pickup-code')).toBeVisible();
    await parent.goto('/guides/money');

    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, email, password);
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await expect(page.locator('h1')).toHaveText('Monitoring van de pilot');
    await expect(page.locator('svg[role="img"]').first()).toBeVisible();
    await expectNoAxeViolations(page, mode);

    // Another period: only this month.
    const month = thisMonth();
    await page.getByLabel('Van maand').fill(month);
    await page.getByLabel('Tot en met maand').fill(month);
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${month}&to=${month}`));
    const helpRow = page.locator('section[aria-labelledby="help-heading"] table').first().locator('tbody tr');
    await expect(helpRow).toHaveCount(1);
    await expect(helpRow.first()).toContainText(month);
    await expect(helpRow.first().locator('td').nth(1)).toHaveText(/^(<5|[5-9]|\d\d+)$/);
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'admin-monitoring-nl');

    // CSV of the help table for that period.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('section[aria-labelledby="help-heading"]').getByRole('link', { name: 'Download als CSV' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(`doorstart-help-${month}-${month}.csv`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.split('\n')[0]).toBe('month,help_requests,median_hours_to_first_reply,answered_within_2_days_pct,interpreter_requests');
    expect(text).toContain(`${month},`);

    // The one-page report.
    await page.getByRole('link', { name: 'Rapport van één pagina' }).click();
    await expect(page.locator('h1')).toContainText(`van ${month} tot en met ${month}`);
    await expectNoAxeViolations(page, mode);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('a facilitator gets 404 on the monitoring', async ({ browser }) => {
  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, email, password);
  await coordinator.goto('/admin/invites');
  await coordinator.getByRole('button', { name: 'Maak een uitnodiging' }).click();
  const link = await coordinator.locator('#invite-link').inputValue();
  const facilitator = await (await browser.newContext()).newPage();
  await facilitator.goto(new URL(link).pathname);
  await facilitator.getByLabel('Je naam').fill('Fatima');
  await facilitator.getByLabel('E-mailadres').fill('fatima@e2e.invalid');
  await facilitator.getByLabel('Nieuw wachtwoord').fill('nog een zin van een paar woorden');
  await facilitator.getByRole('button', { name: 'Account maken' }).click();
  await expect(facilitator).toHaveURL(/\/admin$/);
  await expect(facilitator.getByRole('link', { name: 'Monitoring' })).toHaveCount(0);
  for (const path of ['/admin/monitoring', '/admin/monitoring/report', '/admin/monitoring/csv/help.csv', '/admin/local-help']) {
    const res = await facilitator.goto(path);
    expect(res.status(), path).toBe(404);
  }
});
