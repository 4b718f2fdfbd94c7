// Okta's rule for a security question's answer, checked before anything is sent: at least 4
// characters once the spaces around it are left out (Okta counts it so, and refuses shorter ones
// with 400 E0000001). The answer itself is sent as typed: Okta compares it as typed at verify.

export const MIN_ANSWER_LENGTH = 4;

export function answerProblem(answer: string): string | undefined {
  if (answer.trim() === '') return 'Enter an answer.';
  return answer.trim().length < MIN_ANSWER_LENGTH
    ? `The answer needs at least ${MIN_ANSWER_LENGTH} characters (spaces around it do not count).`
    : undefined;
}
