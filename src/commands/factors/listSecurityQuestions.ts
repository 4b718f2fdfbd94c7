import vscode = require('vscode');
import type { CommandTarget } from '../../factors/targets';
import type { CommandServices } from '../commandServices';
import { withCancellableProgress } from '../cancellableProgress';
import { describeUser } from '../../presentation/factorDescriptions';
import { resolveUser } from '../pickers';

/** okta.listSecurityQuestions: the questions a user may enroll; picking one copies its key. */
export async function listSecurityQuestions(services: CommandServices, selected?: CommandTarget): Promise<void> {
  const target = await resolveUser(services, selected);
  if (!target) return;
  const login = describeUser(target.user);
  const questions = await withCancellableProgress(`Loading security questions for ${login}…`,
    (signal) => services.factors.securityQuestions(target, signal));
  if (questions.length === 0) {
    void vscode.window.showInformationMessage(`The org offers no security questions to ${login}.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    questions.map((q) => ({ label: q.questionText, description: q.question, question: q.question })),
    { title: `Security questions for ${login} (${questions.length})`, placeHolder: 'Pick a question to copy its key', matchOnDescription: true },
  );
  if (!picked) return;
  await vscode.env.clipboard.writeText(picked.question);
  void vscode.window.showInformationMessage(`Copied the question key "${picked.question}".`);
}
