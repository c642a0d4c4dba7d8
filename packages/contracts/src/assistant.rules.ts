// Rules of the virtual assistant (trợ lý ảo) that the server and the web app both run.
// No TypeBox here.

/** What the assistant understood a message to be about. */
export const ASSISTANT_INTENTS = [
  'procedure', 'dossier_status', 'report_status', 'file_report', 'hotline', 'agency', 'alerts', 'news',
  'sign_up', 'sign_in', 'reset_password', 'payments', 'use_app', 'greeting', 'thanks', 'faq',
  'clarify', 'unknown',
] as const;
export type AssistantIntent = (typeof ASSISTANT_INTENTS)[number];

/** The longest message a person may send, in characters. */
export const ASSISTANT_MAX_TEXT = 500;

/** Staff lists of questions to look at: those the assistant could not answer, and answers rated unhelpful. */
export const ASSISTANT_QUESTION_FILTERS = ['unanswered', 'low_rated'] as const;
export type AssistantQuestionFilter = (typeof ASSISTANT_QUESTION_FILTERS)[number];

/** Control characters (tabs and line breaks aside) are refused: they are never typed. */
export const ASSISTANT_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';
