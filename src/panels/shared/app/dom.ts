// Small DOM helpers shared by the panel scripts. Runs in the webview (browser) only.
import { fieldErrorId, SHARED_IDS } from '../elementIds';
import type { ErrorView } from '../protocol';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing element #${id}`);
  return element as T;
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** Clears the error box and every per-field message. */
export function clearErrors(): void {
  show(byId(SHARED_IDS.error), false);
  document.querySelectorAll<HTMLElement>('.field-error').forEach((element) => { element.textContent = ''; });
  document.querySelectorAll<HTMLElement>('[aria-invalid="true"]').forEach((element) => element.removeAttribute('aria-invalid'));
}

/**
 * Shows an error: the sentence and Okta's causes in the error box, and field messages under their
 * inputs (then focuses the first invalid input so keyboard users land on it).
 */
export function showError(error: ErrorView): void {
  clearErrors();
  let firstInvalid: HTMLElement | undefined;
  for (const [field, message] of Object.entries(error.fields)) {
    const slot = document.getElementById(fieldErrorId(field));
    if (!slot) continue;
    slot.textContent = message;
    const input = slot.parentElement?.querySelector<HTMLElement>('input, select');
    input?.setAttribute('aria-invalid', 'true');
    firstInvalid ??= input ?? undefined;
  }
  byId(SHARED_IDS.errorMessage).textContent = error.message;
  const causes = byId(SHARED_IDS.errorCauses);
  causes.replaceChildren(...error.causes.map((cause) => Object.assign(document.createElement('li'), { textContent: cause })));
  show(byId(SHARED_IDS.error), true);
  firstInvalid?.focus();
}

/** A button to focus once the request that disabled it ends (a disabled button cannot take focus). */
let focusAfterBusy: HTMLElement | undefined;

/** Moves the focus to `element` now or, while a request keeps the buttons disabled, as soon as it ends. */
export function focusWhenReady(element: HTMLElement): void {
  if (document.body.classList.contains('busy') && element instanceof HTMLButtonElement) focusAfterBusy = element;
  else element.focus();
}

/** Disables every button while a request runs, so a double click cannot send twice. */
export function setBusy(busy: boolean): void {
  document.body.classList.toggle('busy', busy);
  document.querySelectorAll<HTMLButtonElement>('button').forEach((button) => {
    if (busy) {
      button.dataset.wasDisabled = String(button.disabled);
      button.disabled = true;
    } else if (button.dataset.wasDisabled !== undefined) {
      button.disabled = button.dataset.wasDisabled === 'true';
      delete button.dataset.wasDisabled;
    }
  });
  if (!busy) {
    focusAfterBusy?.focus();
    focusAfterBusy = undefined;
  }
}

export function setStatus(text: string, tone: 'info' | 'success' | 'failure' = 'info'): void {
  const status = byId(SHARED_IDS.status);
  status.textContent = text;
  status.dataset.tone = tone;
}
