/**
 * The passkey ceremony of the staff sign-in (`[data-passkey]` on the enrol and verify pages):
 * shown only where the browser can do WebAuthn (the section is `hidden` in the HTML, so without
 * JavaScript it never appears and the authenticator app covers the case). It goes through the
 * staff API with the pending session's cookie: options, the browser's ceremony, the answer.
 * Enrolling shows the ten recovery codes the answer carries; signing in goes on to `data-next`.
 */
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

const API = '/api/admin/session/passkey';

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${API}${path}?lang=${document.documentElement.lang}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`passkey step answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

function showRecoveryCodes(codes: string[]): void {
  const recovery = document.querySelector<HTMLElement>('[data-recovery]');
  const list = recovery?.querySelector('[data-recovery-codes]');
  if (!recovery || !list) return;
  for (const code of codes) {
    const item = document.createElement('li');
    const text = document.createElement('code');
    text.textContent = code;
    item.append(text);
    list.append(item);
  }
  for (const sibling of Array.from(recovery.parentElement?.children ?? [])) if (sibling !== recovery) (sibling as HTMLElement).hidden = true;
  recovery.hidden = false;
  recovery.querySelector<HTMLElement>('h1')?.focus();
}

const section = document.querySelector<HTMLElement>('[data-passkey]');
const button = section?.querySelector<HTMLButtonElement>('[data-passkey-start]');
const error = section?.querySelector<HTMLElement>('[data-passkey-error]');
if (section && button && browserSupportsWebAuthn()) {
  section.hidden = false;
  const registering = section.dataset.passkey === 'register';
  button.addEventListener('click', async () => {
    button.disabled = true;
    if (error) error.hidden = true;
    try {
      const { options } = await post(registering ? '/registration/options' : '/options', {});
      const response = registering
        ? await startRegistration({ optionsJSON: options as Parameters<typeof startRegistration>[0]['optionsJSON'] })
        : await startAuthentication({ optionsJSON: options as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
      const done = await post(registering ? '/registration' : '', { response });
      if (registering) showRecoveryCodes((done.recoveryCodes as string[] | undefined) ?? []);
      else window.location.assign(section.dataset.next ?? '/');
    } catch {
      if (error) {
        error.textContent = section.dataset.failed ?? '';
        error.hidden = false;
      }
      button.disabled = false;
    }
  });
}
