import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes, signIn } from './helpers.mjs';

// The demo data (DOORSTART_DEMO=1) has the partners "Jonge Moederwerk" (jonge-moederwerk) and
// "Consultatiebureau" (consultatiebureau), and groups around Almelo (7607).
const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

/** The address of the first group near Almelo. */
async function firstGroup(page) {
  await page.goto('/groups?postcode=7607');
  return page.locator('.group-card h3 a').first().getAttribute('href');
}

/** The number of pages in a PDF made by Chromium. */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

function saveDir() {
  const dir = path.resolve(process.cwd(), '..', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

for (const mode of jsModes) {
  test(`a partner's link: the join form has the partner chosen (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/r/jonge-moederwerk');
    await expect(page).toHaveURL(/\/$/);
    const ref = (await context.cookies()).find((c) => c.name === 'ref');
    expect(ref?.value).toBe('jonge-moederwerk');
    expect(ref.httpOnly).toBe(true);
    expect(ref.sameSite).toBe('Lax');
    const group = await firstGroup(page);
    await page.goto(`${group}/join`);
    const referral = page.locator('#referral');
    await expect(referral).toHaveValue('partner:jonge-moederwerk');
    await expect(referral.locator('option:checked')).toHaveText('Jonge Moederwerk');
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'join-partner-chosen-nl');
    await page.getByLabel('Je voornaam of een bijnaam').fill('Sanne');
    await page.getByLabel('Bel of app me').check();
    await page.getByLabel('Je telefoonnummer').fill('06 12345678');
    await page.locator('#consent-box').check();
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect(page).toHaveURL(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('h1')).toContainText('Sanne');

    // Another visitor on another phone: no partner anywhere.
    const other = await (await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled })).newPage();
    await other.goto(`${group}/join`);
    await expect(other.locator('#referral option[value^="partner:"]')).toHaveCount(0);
    await expect(other.getByText('Jonge Moederwerk')).toHaveCount(0);
    await other.goto('/');
    await expect(other.getByText('Jonge Moederwerk')).toHaveCount(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`a warm handover needs the parent's yes (${mode.name})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, email, password);
    await page.goto('/admin/handover');
    await expectNoAxeViolations(page, mode);
    // The parent speaks Arabic: the sentence is shown in Arabic, with the Dutch under it.
    await page.getByLabel('Taal van de ouder').selectOption('ar');
    await page.getByRole('button', { name: 'Laat de zin zien' }).click();
    await expect(page).toHaveURL(/language=ar/);
    const sentence = page.locator('.read-aloud');
    await expect(sentence).toHaveAttribute('lang', 'ar');
    await expect(sentence).toHaveAttribute('dir', 'rtl');
    await expect(sentence).toContainText('Doorstart');
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'handover-form-ar-sentence');

    await page.getByLabel('Namens welke partner?').selectOption({ label: 'Jonge Moederwerk' });
    await page.getByLabel('Voornaam van de ouder').fill('Amal');
    await page.getByLabel('Telefoonnummer of e-mail van de ouder').fill('06 98765432');
    await page.getByLabel('Leeftijd van het kind').fill('3');
    await page.getByLabel('Of: postcode van de ouder').fill('7607');
    // No yes ticked: 400 with the reason, and the form keeps what was typed.
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/admin/handover') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Ouder overdragen' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Zonder ja van de ouder');
    await expect(page.getByLabel('Voornaam van de ouder')).toHaveValue('Amal');
    await expectNoAxeViolations(page, mode);

    await page.locator('#consent-box').check();
    await page.getByRole('button', { name: 'Ouder overdragen' }).click();
    await expect(page.locator('h1')).toHaveText('De overdracht is gedaan');
    const link = await page.locator('.status-link a').getAttribute('href');
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('.status-qr svg')).toBeVisible();
    await expect(page.locator('.keep-lines[lang="ar"]')).toBeVisible();
    await expectNoAxeViolations(page, mode);
    if (mode.javaScriptEnabled) await screenshot(page, 'handover-done-ar');

    // The parent opens the link on their own phone.
    const parent = await (await browser.newContext()).newPage();
    await parent.goto(new URL(link).pathname);
    await expect(parent.locator('h1')).toContainText('Amal');

    // The list says how it is going, never who.
    await page.goto('/admin/handover');
    await expect(page.getByText('Aangemeld, wacht op contact').first()).toBeVisible();
    await expect(page.getByText('Amal')).toHaveCount(0);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test('a group poster printed to an A4 PDF in Dutch, Arabic and Turkish', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForErrors(page);
  const group = await firstGroup(page);
  await page.goto(`${group}/poster?lang=ar,tr`);
  await expect(page.locator('.poster-title')).toBeVisible();
  await expect(page.locator('.poster-lang[lang="ar"]')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.poster-lang[lang="tr"]')).toBeVisible();
  await expect(page.locator('.poster-qr img')).toHaveAttribute('src', `${group}/qr.svg`);
  await expect(page.locator('.poster-crisis').first()).toContainText('113');
  await expectNoAxeViolations(page);
  await screenshot(page, 'poster-group-screen');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.poster-tools')).toBeHidden();
  await screenshot(page, 'poster-group-print');
  const pdf = await page.pdf({ path: path.join(saveDir(), 'poster-group.pdf'), preferCSSPageSize: true, printBackground: true });
  expect(pageCount(pdf), 'the poster fits one A4 page').toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});

test("a partner's poster (A4) and card (A6) printed to PDF, in Arabic too", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/r/jonge-moederwerk/poster?lang=nl,ar');
  await expect(page.locator('.poster-from')).toContainText('Jonge Moederwerk');
  await expect(page.locator('.poster-qr img')).toHaveAttribute('src', '/r/jonge-moederwerk/qr.svg');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'poster-partner-print');
  const poster = await page.pdf({ path: path.join(saveDir(), 'poster-partner.pdf'), preferCSSPageSize: true, printBackground: true });
  expect(pageCount(poster)).toBe(1);

  await page.emulateMedia({ media: 'screen' });
  // The page itself in Arabic (the list in ?lang= is only the poster's languages).
  await page.goto('/r/jonge-moederwerk/card?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto('/r/jonge-moederwerk/card?lang=nl,ar,tr');
  await expect(page.locator('.sheet-a6 .poster-lang')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'card-partner-print');
  const card = await page.pdf({ path: path.join(saveDir(), 'card-partner.pdf'), preferCSSPageSize: true, printBackground: true });
  expect(pageCount(card), 'the card fits one A6 page').toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});

test('the partner link and the join form in Arabic at 360 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/r/consultatiebureau');
  const group = await firstGroup(page);
  await page.goto(`${group}/join?lang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#referral')).toHaveValue('partner:consultatiebureau');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
  await screenshot(page, 'join-partner-chosen-ar');
  await context.close();
});
