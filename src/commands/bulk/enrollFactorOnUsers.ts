import vscode = require('vscode');
import { enrollPlan, type BulkEnrollment } from '../../factors/bulkOperations';
import type { BulkSummary } from '../../factors/bulkWork';
import type { CommandTarget, UserTarget } from '../../factors/targets';
import { sampleOf } from '../../presentation/bulkText';
import { plural } from '../../factors/names';
import { describeUser } from '../../presentation/factorDescriptions';
import { answerProblem } from '../../factors/questionAnswer';
import { confirmBulk, runBulkAction } from './bulkRun';
import { selectedUsers } from './bulkSelection';
import { withCancellableProgress } from '../cancellableProgress';
import type { CommandServices } from '../commandServices';

const ACTION = 'Enroll Factor on Users';

interface Choice extends vscode.QuickPickItem {
  factor: BulkEnrollment['kind'];
}

const CHOICES: Choice[] = [
  { factor: 'email', label: 'Email', detail: "Each user's own profile email" },
  { factor: 'question', label: 'Security question', detail: 'One question and answer for every user' },
  { factor: 'google-totp', label: 'Google Authenticator', detail: 'Activated through the built-in authenticator, which keeps each user\'s secret' },
  { factor: 'passkey', label: 'Passkey (software, for test users)', detail: 'A software passkey per user, kept in VS Code\'s secret storage, activated at once' },
];

/** The factor, and what it needs asked once for all users; undefined when the user backs out. */
async function askEnrollment(services: CommandServices, users: readonly UserTarget[]): Promise<{ enrollment: BulkEnrollment; name: string } | undefined> {
  const picked = await vscode.window.showQuickPick(CHOICES, { title: `Enroll on ${plural(users.length, 'user')}`, placeHolder: 'Pick the factor' });
  if (!picked) return undefined;
  switch (picked.factor) {
    case 'email': {
      const activate = await vscode.window.showQuickPick(
        [{ label: 'Active at once', detail: 'Okta sends nothing (activate=true)', activate: true },
          { label: 'Pending activation', detail: 'Okta sends a code to each address', activate: false }],
        { title: 'Email factor', placeHolder: 'How the email factors start' });
      return activate && { enrollment: { kind: 'email', activate: activate.activate }, name: 'Email' };
    }
    case 'question': {
      const questions = await withCancellableProgress('Loading security questions…', (signal) => services.factors.securityQuestions(users[0], signal));
      if (questions.length === 0) {
        void vscode.window.showInformationMessage(`The org offers no security questions to ${describeUser(users[0].user)}.`);
        return undefined;
      }
      const question = await vscode.window.showQuickPick(
        questions.map((q) => ({ label: q.questionText, description: q.question, question: q.question })),
        { title: 'Security question for every user', placeHolder: 'Pick the question', matchOnDescription: true });
      if (!question) return undefined;
      const answer = await vscode.window.showInputBox({
        title: `Answer to "${question.label}"`, prompt: 'The same answer for every selected user', password: true, ignoreFocusOut: true,
        validateInput: answerProblem,
      });
      return answer === undefined ? undefined : { enrollment: { kind: 'question', question: question.question, answer }, name: 'Security question' };
    }
    case 'google-totp':
      return { enrollment: { kind: 'google-totp' }, name: 'Google Authenticator' };
    case 'passkey':
      return { enrollment: { kind: 'passkey' }, name: 'Passkey' };
  }
}

/**
 * okta.enrollFactorOnUsers: enrolls the same factor (email, security question, Google
 * Authenticator, a software passkey) on the selected users after one modal confirmation; resolves to the summary, or
 * undefined when nothing ran.
 */
export async function enrollFactorOnUsers(services: CommandServices, target?: CommandTarget, selected?: CommandTarget[]): Promise<BulkSummary | undefined> {
  const users = await selectedUsers(services, ACTION, target, selected);
  if (!users) return undefined;
  const asked = await askEnrollment(services, users);
  if (!asked) return undefined;
  const confirmed = await confirmBulk(
    `Enroll ${asked.name} on ${plural(users.length, 'user')}?`,
    `${sampleOf(users.map((u) => describeUser(u.user)))}\n\nA user who already has this factor is reported as failed and left as is.`,
    'Enroll',
  );
  if (!confirmed) return undefined;
  return runBulkAction(services, { name: `Enroll ${asked.name}`, progressTitle: `Enrolling ${asked.name}` }, enrollPlan(services.factors, users, asked.enrollment));
}
