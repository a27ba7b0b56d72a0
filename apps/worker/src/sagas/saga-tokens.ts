/** The sagas' followers of the log (LogFollower instances), one per saga. */
export const SLA_FOLLOWER = 'SLA_FOLLOWER';
export const NOTIFIER_FOLLOWER = 'NOTIFIER_FOLLOWER';
export const ESCALATION_FOLLOWER = 'ESCALATION_FOLLOWER';
/** The JobScheduler the sagas set their timers with. */
export const SAGA_SCHEDULER = 'SAGA_SCHEDULER';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const DELIVER_JOB = 'deliver';
export const ESCALATIONS_QUEUE = 'escalations';
export const CHECK_ACKNOWLEDGEMENTS_JOB = 'check-acknowledgements';
