/** Why the desk ended a session by itself: the login page says so instead of just reappearing. */
export type SessionEndReason = 'expired';
