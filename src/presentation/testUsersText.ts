// The words of Plan / Apply Test Users around a fixtures plan: the outcome of a plan, the apply
// confirmation (what it will do, counted), and why an apply does not start. Free of `vscode`
// (unit-tested). The plan itself reads as src/fixtures/planText.ts writes it.
import { plural } from '../factors/names';
import type { FixtureProblem } from '../fixtures/fixtureModel';
import type { NeededSecret } from '../fixtures/planSecrets';
import type { FixturePlan, PlanStep } from '../fixtures/planModel';

/** After a plan: "3 changes to apply to Dev", or "Dev already matches the file". */
export function planOutcomeText(plan: FixturePlan, orgLabel: string): string {
  return plan.changes === 0 ? `${orgLabel} already matches the file.` : `${plural(plan.changes, 'change')} to apply to ${orgLabel}.`;
}

const countOf = (plan: FixturePlan, kind: PlanStep['kind']): number =>
  plan.users.reduce((sum, user) => sum + user.steps.filter((step) => step.kind === kind).length, 0);

/** What an apply will do, counted by kind: "creates 2 users, enrolls 5 factors, unenrolls 1 factor". */
export function planCountsText(plan: FixturePlan): string {
  const changedUsers = plan.users.filter((user) => user.existingUserId !== undefined && user.steps.length > 0).length;
  const parts = [
    countOf(plan, 'createUser') > 0 && `creates ${plural(countOf(plan, 'createUser'), 'user')}`,
    changedUsers > 0 && `changes ${plural(changedUsers, 'existing user')}`,
    countOf(plan, 'enrollFactor') > 0 && `enrolls ${plural(countOf(plan, 'enrollFactor'), 'factor')}`,
    countOf(plan, 'activateFactor') > 0 && `activates ${plural(countOf(plan, 'activateFactor'), 'factor')}`,
    countOf(plan, 'unenrollFactor') > 0 && `unenrolls ${plural(countOf(plan, 'unenrollFactor'), 'factor')}`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(', ') : 'changes nothing';
}

/** The apply confirmation: the question and its detail. */
export function applyQuestion(plan: FixturePlan, orgLabel: string): { question: string; detail: string } {
  const counts = planCountsText(plan);
  const left = plan.notInFile.length > 0 ? ` ${plural(plan.notInFile.length, 'user')} the file does not name ${plan.notInFile.length === 1 ? 'is' : 'are'} left alone.` : '';
  const prune = plan.prune ? ' Prune is on: factors the file does not name are unenrolled.' : '';
  return {
    question: `Apply ${plural(plan.changes, 'change')} to ${orgLabel}?`,
    detail: `${counts.charAt(0).toUpperCase()}${counts.slice(1)}.${prune}${left} The plan is shown beside the file.`,
  };
}

/** "line 28: no Custom TOTP profile …; line 31: …; 2 more in Problems" (lines as people count them). */
export function problemsList(problems: readonly FixtureProblem[]): string {
  const listed = problems.slice(0, 3).map((problem) => `line ${problem.line + 1}: ${problem.message}`).join('; ');
  return problems.length > 3 ? `${listed}; ${problems.length - 3} more in Problems` : listed;
}

/** After a plan that has errors: what to fix before it can be applied. */
export function planWithErrorsText(plan: FixturePlan, orgLabel: string, errors: readonly FixtureProblem[]): string {
  return `${planOutcomeText(plan, orgLabel)} Fix ${plural(errors.length, 'problem')} before applying (${problemsList(errors)}).`;
}

/** Why a plan with errors is not applied: each error with its line. */
export function planErrorsText(orgLabel: string, errors: readonly FixtureProblem[]): string {
  return `The plan against ${orgLabel} has ${plural(errors.length, 'problem')} to fix first (${problemsList(errors)}). Nothing was sent.`;
}

/** The environment variables an apply needs and does not find, by name, with what each is for. */
export function missingEnvText(missing: readonly NeededSecret[]): string {
  const names = [...new Set(missing.flatMap((secret) => ('env' in secret.source ? [secret.source.env] : [])))];
  const purposes = missing.map((secret) => secret.purpose).join('; ');
  return `Set ${listed(names)} in VS Code's environment (for the ${purposes}), then apply again. Nothing was sent.`;
}

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
