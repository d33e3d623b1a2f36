// SPDX-License-Identifier: GPL-3.0-or-later
//
// The e-service form in a real browser: Debian's chromium, headless,
// driven by puppeteer-core. Starts the real synpunkt-server on 127.0.0.1
// with a fresh database, fills the Swedish form (with Accept-Language),
// sends it empty first to see the error summary, then complete; follows
// the visible switch to the English form and sends that; reads both
// receipts and checks, as the registrar through the API, that the two
// cases wait unregistered in the queue. Screenshots of the form, the
// error summary and the receipt at desktop and phone width go to
// $SYNPUNKT_SHOT_DIR when set.
//
// Exit 77 (skipped) only when chromium or node_modules are missing.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath) || !existsSync(join(here, 'node_modules', 'puppeteer-core'))) {
  console.log(`SKIP: ${existsSync(chromiumPath) ? 'tests/browser/node_modules (npm ci)' : chromiumPath} is missing`);
  process.exit(77);
}
const { default: puppeteer } = await import('puppeteer-core');

const serverBin = process.env.SYNPUNKT_SERVER;
assert.ok(serverBin, 'SYNPUNKT_SERVER names the server binary');
const PASSWORD = 'correct horse battery';
const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'browser-eservice-'));
const shotDir = process.env.SYNPUNKT_SHOT_DIR || dir;
let server = null;
let browser = null;

function run(args, input) {
  const result = spawnSync(serverBin, args, { input: input ?? '', encoding: 'utf8', timeout: 60000 });
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function startServer(db, config) {
  return new Promise((resolve, reject) => {
    const child = spawn(serverBin, ['--config', config, '--db', db, '--listen', '127.0.0.1:0'],
                        { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('the server did not start in 30 s')), 30000);
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (!match) reject(new Error(`unexpected first line: ${line}`));
      else resolve({ child, base: match[1] });
    });
  });
}

async function api(base, method, path, token, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30000),
  });
  return { status: response.status, json: await response.json() };
}

// Both widths: a desktop window and a phone; and a page that reads at
// 200% zoom (a 1280 px window at 200% is 640 CSS px) never scrolls
// sideways.
const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 740 },
];

async function shoot(page, name) {
  for (const w of widths) {
    await page.setViewport({ width: w.width, height: w.height, deviceScaleFactor: 1 });
    const path = join(shotDir, `eservice-${name}-${w.name}.png`);
    await page.screenshot({ path, fullPage: true });
    assert.ok(statSync(path).size > 5000, `${path} has something in it`);
  }
  for (const width of [375, 640]) {
    await page.setViewport({ width, height: 740, deviceScaleFactor: 1 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
  }
  await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
}

async function text(page, selector) {
  return page.$eval(selector, (el) => el.textContent.trim());
}

async function submitAndWait(page) {
  await Promise.all([page.waitForNavigation({ timeout: 30000 }), page.click('button.send')]);
}

try {
  const db = join(dir, 'server.db');
  const config = join(dir, 'server.conf');
  run(['init', '--db', db, '--org-name', 'Hässelby-Vällingby stadsdelsförvaltning']);
  run(['user', 'add', '--db', db, '--username', 'admin', '--role', 'admin', '--password-stdin'], PASSWORD + '\n');
  run(['user', 'add', '--db', db, '--username', 'reg', '--role', 'registrar', '--password-stdin'], PASSWORD + '\n');
  writeFileSync(config, '[eservice]\nmax_posts=100\n' +
                'privacy_notice=We keep your message for two years.\n' +
                'privacy_notice[sv]=Vi sparar ditt meddelande i två år.\n');
  ({ child: server } = await startServer(db, config).then((s) => { globalThis.base = s.base; return s; }));
  const base = globalThis.base;

  const admin = (await api(base, 'POST', '/api/v1/session', null, { username: 'admin', password: PASSWORD })).json.token;
  const unit = await api(base, 'POST', '/api/v1/units', admin, { name: 'Förskolan Ekorren', kind: 'unit', area: 'preschool' });
  assert.equal(unit.status, 201);

  browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=sv-SE'],
    timeout: 60000,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(30000);
  const violations = [];
  // A page refused by its own Content-Security-Policy says so here; a
  // refused form's 422 and the browser's own /favicon.ico are no fault.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) violations.push(msg.text());
  });
  page.on('requestfailed', (req) => violations.push(`failed: ${req.url()}`));
  page.on('request', (req) => { if (!req.url().startsWith(base)) violations.push(`third party: ${req.url()}`); });

  // Swedish, from Accept-Language.
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.5' });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/e-tjanst`, { waitUntil: 'load' });
  assert.equal(await page.$eval('html', (el) => el.lang), 'sv');
  assert.equal(await text(page, 'h1'), 'Synpunkter och klagomål');
  assert.match(await text(page, '.privacy'), /Vi sparar ditt meddelande i två år/);
  // The stylesheet loaded: the header has its colour.
  assert.equal(await page.$eval('header.site', (el) => getComputedStyle(el).backgroundColor), 'rgb(28, 61, 90)');
  // Every field has a label the browser ties to it.
  const unlabelled = await page.$$eval('input:not([type=hidden]), select, textarea',
    (els) => els.filter((el) => el.id !== 'website' && el.labels.length === 0).map((el) => el.name));
  assert.deepEqual(unlabelled, []);
  // Keyboard first: the first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await shoot(page, 'form-sv');

  // Sent empty: the error summary at the top, its links lead to the fields.
  await submitAndWait(page);
  assert.match(await page.title(), /^Fel: /);
  const links = await page.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['#kind-opinion', '#subject', '#description', '#sender-anonymous']);
  await page.click('#error-summary a[href="#subject"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'subject');
  await shoot(page, 'errors-sv');

  // Filled in as a resident would, by the labels.
  await page.click('label[for=kind-complaint]');
  await page.select('#about', `unit:${unit.json.id}`);
  await page.type('#subject', 'Maten på förskolan');
  await page.type('#description', 'Min son fick kall mat tre dagar i rad förra veckan.');
  await page.click('label[for=sender-contact]');
  await page.type('#name', 'Karin Lund');
  await page.type('#email', 'karin@example.se');
  await page.type('#phone', '08-123 45 67');
  await page.select('#relation', 'relative');
  await page.click('label[for=feedback]');
  await submitAndWait(page);
  assert.equal(await text(page, 'h1'), 'Tack, vi har tagit emot ditt meddelande');
  const codeSv = await text(page, '#reference-code');
  assert.match(codeSv, /^SP-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.match(await text(page, 'ol.steps'), /inom 14 dagar/);
  await shoot(page, 'receipt-sv');

  // The status page by the receipt's link shows the status only.
  await Promise.all([page.waitForNavigation(), page.click('main a[href*="/status?code="]')]);
  assert.match(await text(page, '#status'), /Mottaget/);
  assert.doesNotMatch(await page.content(), /kall mat|Karin/);

  // The visible switch to English.
  await page.goto(`${base}/e-tjanst`, { waitUntil: 'load' });
  await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
  assert.equal(await page.$eval('html', (el) => el.lang), 'en');
  assert.equal(await text(page, 'h1'), 'Feedback and complaints');
  await shoot(page, 'form-en');
  await page.click('label[for=kind-praise]');
  await page.select('#area', 'culture_leisure');
  await page.type('#about_text', 'The library at the square');
  await page.type('#subject', 'Helpful librarians');
  await page.type('#description', 'They found every book my class needed.');
  await page.click('label[for=sender-anonymous]');
  await submitAndWait(page);
  assert.equal(await text(page, 'h1'), 'Thank you, we have received your message');
  const codeEn = await text(page, '#reference-code');
  assert.notEqual(codeEn, codeSv);
  assert.match(await text(page, 'ol.steps'), /within 14 days/);
  await shoot(page, 'receipt-en');

  assert.deepEqual(violations, []);

  // As the registrar: both wait in the queue, unregistered.
  const reg = (await api(base, 'POST', '/api/v1/session', null, { username: 'reg', password: PASSWORD })).json.token;
  const queue = await api(base, 'GET', '/api/v1/cases?status=received', reg);
  assert.equal(queue.status, 200);
  assert.equal(queue.json.total, 2);
  const bySubject = Object.fromEntries(queue.json.items.map((c) => [c.subject, c]));
  const sv = bySubject['Maten på förskolan'];
  const en = bySubject['Helpful librarians'];
  assert.ok(sv && en, JSON.stringify(queue.json.items.map((c) => c.subject)));
  for (const c of [sv, en]) {
    assert.equal(c.status, 'received');
    assert.equal(c.channel, 'web_form');
    assert.equal(c.diary_number, null);
  }
  assert.equal(sv.kind, 'complaint');
  assert.equal(sv.unit_id, unit.json.id);
  assert.equal(sv.area, 'preschool');
  assert.equal(sv.sender.name, 'Karin Lund');
  assert.equal(sv.sender.email, 'karin@example.se');
  assert.equal(sv.sender.phone, '08-123 45 67');
  assert.equal(sv.sender.relation, 'relative');
  assert.equal(sv.sender.wants_feedback, true);
  assert.equal(en.valence, 'positive');
  assert.equal(en.area, 'culture_leisure');
  assert.equal(en.sender.anonymous, true);
  assert.match(en.description, /The library at the square/);

  console.log(`ok: ${codeSv} and ${codeEn} in the registration queue; screenshots in ${shotDir}`);
} finally {
  if (browser) await browser.close();
  if (server) {
    server.removeAllListeners('exit');
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10000))]);
  }
  rmSync(dir, { recursive: true, force: true });
}
