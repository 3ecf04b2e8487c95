import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchForErrors, screenshot, jsModes, signIn } from './helpers.mjs';

const email = process.env.E2E_COORDINATOR_EMAIL;
const password = process.env.E2E_COORDINATOR_PASSWORD;


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

  // Miriam creates her group and a series of meetups.
  await facilitator.goto('/admin');
  await facilitator.getByRole('link', { name: 'Groepen' }).click();
  await facilitator.getByRole('link', { name: 'Nieuwe groep' }).click();
  await expectNoAxeViolations(facilitator);
  await facilitator.getByLabel('Naam van de groep').fill('Moedergroep Miriam');
  await facilitator.getByLabel('Wat doet de groep?').fill('We praten samen over de week.');
  await facilitator.getByLabel('De eerste keer').fill('Loop gewoon binnen.');
  await facilitator.getByLabel('Voornaam van de begeleider').fill('Miriam');
  await facilitator.getByLabel('Je postcode').fill('7607');
  await facilitator.getByLabel('Waar').fill('Wijkgebouw (voorbeeld), Almelo');
  await facilitator.getByLabel('Arabisch').check();
  await facilitator.getByLabel('Er is opvang voor kinderen').check();
  await facilitator.getByRole('button', { name: 'Opslaan' }).click();
  await expect(facilitator).toHaveURL(/\/admin\/groups\/[0-9a-f]{32}\/meetups\?done=group-created#plan$/);
  await facilitator.getByLabel('Eerste datum').fill('2027-01-05');
  await facilitator.getByLabel('Begintijd').fill('10:00');
  await facilitator.getByLabel('Hoe lang (minuten)').fill('120');
  await facilitator.getByLabel('Hoeveel weken').fill('8');
  await facilitator.getByLabel('Waar').fill('Wijkgebouw (voorbeeld), Almelo');
  await facilitator.getByLabel('Plaats voor hoeveel mensen').fill('12');
  await facilitator.getByRole('button', { name: 'Plannen' }).click();
  await expect(facilitator.locator('.inbox-item')).toHaveCount(8);
  await expect(facilitator.locator('.inbox-item').first()).toContainText('dinsdag 5 januari, 10:00 – 12:00');
  await expectNoAxeViolations(facilitator);
  await screenshot(facilitator, 'admin-meetups-nl');

  // A parent finds Miriam's group and asks to join.
  const parent = await (await browser.newContext()).newPage();
  await parent.goto('/groups?postcode=7607');
  await parent.getByRole('link', { name: 'Moedergroep Miriam' }).click();
  await expect(parent.locator('.meetups')).toContainText('dinsdag 5 januari');
  await parent.getByRole('link', { name: 'Ik wil meedoen' }).click();
  await parent.getByLabel('Je voornaam of een bijnaam').fill('Noor');
  await parent.getByLabel('Ik kom gewoon naar een bijeenkomst').check();
  await parent.getByLabel(/Ik vind het goed/).check();
  await parent.getByRole('button', { name: 'Verstuur' }).click();
  await expect(parent.locator('.step[aria-current="step"]')).toHaveText('Ontvangen');

  // Miriam sees it in her inbox and marks it contacted.
  await facilitator.goto('/admin');
  const item = facilitator.locator('.inbox-item', { hasText: 'Noor' });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Komt gewoon naar een bijeenkomst');
  await expectNoAxeViolations(facilitator);
  await screenshot(facilitator, 'admin-inbox-nl');
  await item.getByRole('button', { name: 'Contact opgenomen' }).click();
  await expect(facilitator.locator('.inbox-item', { hasText: 'Noor' })).toContainText('Contact opgenomen');

  // The parent's page follows.
  await parent.reload();
  await expect(parent.locator('.step[aria-current="step"]')).toHaveText('De begeleider heeft contact opgenomen');

  // A parent asks for help; the coordinator hands the question to Miriam, who then holds it
  // and reads it.
  await parent.goto('/help');
  await parent.getByText('Werk en opvang').click();
  await parent.getByLabel('Je vraag').fill('Hoe vind ik opvang op woensdag?');
  await parent.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
  await expect(parent.locator('.pickup-code')).toBeVisible();
  await coordinator.goto('/admin/help');
  await coordinator.locator('.inbox-item', { hasText: 'Werk en opvang' }).first().getByRole('link').click();
  await coordinator.getByLabel('Geef deze vraag aan').selectOption({ label: 'Miriam' });
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Geef door' }).click();
  await expect(coordinator.locator('.messages')).toContainText('opvang op woensdag');
  await facilitator.goto('/admin/help');
  const handed = facilitator.locator('.inbox-item', { hasText: 'Werk en opvang' }).first();
  await expect(handed).toContainText('Miriam');
  await handed.getByRole('link').click();
  await expect(facilitator.locator('.messages')).toContainText('opvang op woensdag');
  await expectNoAxeViolations(facilitator);

  // The coordinator's other pages pass axe too.
  for (const name of ['Accounts', 'Wachtwoord wijzigen', 'Groepen']) {
    await coordinator.goto('/admin');
    await coordinator.getByRole('link', { name }).click();
    await expect(coordinator.locator('h1')).toBeVisible();
    await expectNoAxeViolations(coordinator);
  }
  await expect(coordinator.locator('.group-card', { hasText: 'Moedergroep Miriam' })).toContainText('Miriam');

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
