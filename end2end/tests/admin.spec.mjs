import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;

async function signIn(page, who, secret) {
  await page.goto('/admin/login');
  await page.getByLabel('E-mailadres').fill(who);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

test('coordinator invites a facilitator, a parent joins, the request is marked contacted', async ({ browser }) => {
  const coordinator = await (await browser.newContext()).newPage();
  const problems = watchForErrors(coordinator);
  await coordinator.goto('/admin');
  await expect(coordinator).toHaveURL(/\/admin\/login$/);
  await expectNoAxeViolations(coordinator);
  await coordinator.getByLabel('E-mailadres').fill(email);
  await coordinator.getByLabel('Wachtwoord', { exact: true }).fill('not the password at all');
  await coordinator.getByRole('button', { name: 'Inloggen' }).click();
  await expect(coordinator.getByRole('alert')).toContainText('klopt niet');
  await signIn(coordinator, email, password);
  await expect(coordinator.locator('h1')).toHaveText('Aanmeldingen');
  await expectNoAxeViolations(coordinator);

  // An invite link, accepted by a new facilitator in another browser.
  await coordinator.getByRole('link', { name: 'Uitnodigen' }).click();
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Maak een uitnodiging' }).click();
  const link = await coordinator.locator('#invite-link').inputValue();
  expect(link).toMatch(/\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(coordinator);
  await screenshot(coordinator, 'admin-invite-nl');

  const facilitator = await (await browser.newContext()).newPage();
  await facilitator.goto(new URL(link).pathname);
  await expectNoAxeViolations(facilitator);
  await facilitator.getByLabel('Je naam').fill('Miriam');
  await facilitator.getByLabel('E-mailadres').fill('miriam@e2e.invalid');
  await facilitator.getByLabel('Nieuw wachtwoord').fill('een zin van een paar woorden');
  await facilitator.getByRole('button', { name: 'Account maken' }).click();
  await expect(facilitator).toHaveURL(/\/admin$/);
  await expect(facilitator.getByText('Hallo Miriam.')).toBeVisible();
  // A facilitator cannot open the coordinator's pages.
  const denied = await facilitator.goto('/admin/audit');
  expect(denied.status()).toBe(404);

  // A parent asks to join a group in Almelo.
  const parent = await (await browser.newContext()).newPage();
  await parent.goto('/groups?postcode=7607');
  await parent.locator('.group-card h3 a').first().click();
  await parent.getByRole('link', { name: 'Ik wil meedoen' }).click();
  await parent.getByLabel('Je voornaam of een bijnaam').fill('Noor');
  await parent.getByLabel('Ik kom gewoon naar een bijeenkomst').check();
  await parent.getByLabel(/Ik vind het goed/).check();
  await parent.getByRole('button', { name: 'Verstuur' }).click();
  await expect(parent.locator('.step[aria-current="step"]')).toHaveText('Ontvangen');

  // The coordinator sees it and marks it contacted.
  await coordinator.goto('/admin');
  const item = coordinator.locator('.inbox-item', { hasText: 'Noor' });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Komt gewoon naar een bijeenkomst');
  await screenshot(coordinator, 'admin-inbox-nl');
  await item.getByRole('button', { name: 'Contact opgenomen' }).click();
  await expect(coordinator.locator('.inbox-item', { hasText: 'Noor' })).toContainText('Contact opgenomen');

  // The parent's page follows.
  await parent.reload();
  await expect(parent.locator('.step[aria-current="step"]')).toHaveText('De begeleider heeft contact opgenomen');

  // The audit log shows what happened, without names.
  await coordinator.getByRole('link', { name: 'Logboek' }).click();
  await expect(coordinator.locator('table')).toContainText('join-contacted');
  await expect(coordinator.locator('table')).not.toContainText('Noor');
  await expectNoAxeViolations(coordinator);
  expect(problems).toEqual([]);
});

test('sign in and out without JavaScript, in English', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator('h1')).toHaveText('Join requests');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await context.close();
});
