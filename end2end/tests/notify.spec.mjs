import { test, expect } from '@playwright/test';
import net from 'node:net';
import { expectNoAxeViolations, watchForErrors, screenshot } from './helpers.mjs';

/**
 * "Tell me when a group starts near me" (issue 23, point 5): a parent in Middelstum (9991, far
 * from every demo group) signs up in Arabic at 360 px without JavaScript, the confirmation mail
 * arrives at a local SMTP server, the link shows a button (opening it changes nothing), the
 * button confirms. The server under test must send its mail to this SMTP server:
 * DOORSTART_SMTP_URL=smtp://127.0.0.1:$E2E_SMTP_PORT (default 2526).
 */
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT || 2526);

/** A tiny SMTP server that keeps every mail's data (the same dialogue as tests/common/sink.rs). */
function startSink() {
  const mails = [];
  const server = net.createServer((socket) => {
    let data = false;
    let buffer = '';
    let body = '';
    socket.write('220 sink\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let at;
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (data) {
          if (line === '.') {
            data = false;
            mails.push(body);
            body = '';
            socket.write('250 ok\r\n');
          } else {
            body += (line.startsWith('..') ? line.slice(1) : line) + '\n';
          }
        } else if (/^(EHLO|HELO)/i.test(line)) {
          socket.write('250-sink\r\n250 8BITMIME\r\n');
        } else if (/^DATA/i.test(line)) {
          data = true;
          socket.write('354 go on\r\n');
        } else if (/^QUIT/i.test(line)) {
          socket.write('221 bye\r\n');
          socket.end();
        } else {
          socket.write('250 ok\r\n');
        }
      }
    });
  });
  return new Promise((resolve) => server.listen(SMTP_PORT, '127.0.0.1', () => resolve({ server, mails })));
}

/** The mail as text: soft line breaks joined, base64 parts decoded. */
function decoded(mail) {
  let out = mail.replace(/=\n/g, '');
  for (const part of mail.split('Content-Transfer-Encoding: base64\n').slice(1)) {
    const lines = [];
    for (const line of part.replace(/^\n+/, '').split('\n')) {
      if (!line || line.startsWith('--')) break;
      lines.push(line);
    }
    out += Buffer.from(lines.join(''), 'base64').toString('utf8');
  }
  return out;
}

test('sign up for a mail when a group starts: Arabic, 360 px, without JavaScript', async ({ browser }) => {
  const { server, mails } = await startSink();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await page.goto('/groups?postcode=9991&lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const form = page.locator('form.notify-form');
    await expect(form).toBeVisible();
    const email = `e2e-${Date.now()}@example.org`;
    await form.getByLabel('البريد الإلكتروني').fill(email);
    await form.getByLabel('عمر الطفل (ليس ضروريًا)').selectOption('4');
    await form.getByLabel(/نعم، أوافق على رسالة واحدة/).check();
    await form.getByRole('button', { name: 'أرسلوا لي رسالة' }).click();
    await expect(page).toHaveURL(/\/groups\/notify-sent$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('يرجى النظر في البريد الإلكتروني');
    await screenshot(page, 'notify-sent-ar-360');

    // The confirmation mail arrives (the sender runs every few seconds).
    await expect.poll(() => mails.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const mail = decoded(mails.find((m) => m.includes(email)) || '');
    expect(mail).toContain('dir="rtl"');
    const link = mail.match(/https?:\/\/[^\s"<]+\/groups\/notify\/([A-Za-z0-9_-]{43})/);
    expect(link, mail).not.toBeNull();
    const path = `/groups/notify/${link[1]}`;

    // Opening the link changes nothing; the button confirms.
    await page.goto(`${path}?lang=ar`);
    await expect(page.getByRole('button', { name: 'نعم، أرسلوا لي رسالة' })).toBeVisible();
    await screenshot(page, 'notify-confirm-ar-360');
    await page.getByRole('button', { name: 'نعم، أرسلوا لي رسالة' }).click();
    await expect(page).toHaveURL(/\/groups\/notify-confirmed$/);

    // The stop link deletes the address.
    await page.goto(`${path}/stop?lang=ar`);
    await page.getByRole('button', { name: 'إيقاف وحذف عنواني' }).click();
    await expect(page).toHaveURL(/\/groups\/notify-stopped$/);
    expect(problems).toEqual([]);
    await context.close();
  } finally {
    server.close();
  }
});

test('the sign-up form and its pages pass axe (Arabic, 360 px)', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  for (const url of ['/groups?postcode=9991&lang=ar', '/groups/notify?postcode=9991&lang=ar', '/groups/notify-sent?lang=ar']) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
  // A wrong address: 400, the field's message, nothing else lost.
  await page.goto('/groups/notify?postcode=9991&lang=ar');
  await page.getByLabel('البريد الإلكتروني').fill('not-an-address');
  await page.getByLabel(/نعم، أوافق على رسالة واحدة/).check();
  // The browser would stop an address it finds wrong itself; the server's answer is what a
  // phone without that check gets, so switch the browser's own check off here.
  await page.evaluate(() => document.querySelectorAll('form').forEach((f) => { f.noValidate = true; }));
  const answer = page.waitForResponse((r) => r.url().endsWith('/groups/notify') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'أرسلوا لي رسالة' }).click();
  expect((await answer).status()).toBe(400);
  await expect(page.locator('#email-error')).toHaveText('يرجى كتابة بريد إلكتروني صحيح، مثلًا name@example.nl.');
  await expectNoAxeViolations(page);
  await context.close();
});
