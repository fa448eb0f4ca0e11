// What the browser scripts share: Debian's Chromium, headless, and the login form of the Camunda web apps.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync']
  });
}

/** Opens a web app (tasklist, cockpit) and logs in on its form. */
export async function logIn(page, base, app, user, password) {
  await page.goto(base + '/camunda/app/' + app + '/default/');
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', password);
  await page.click('button[type=submit]');
}
