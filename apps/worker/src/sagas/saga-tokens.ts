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
export const PREVENTIVE_FOLLOWER = 'PREVENTIVE_FOLLOWER';
export const PREVENTIVE_QUEUE = 'preventive';
export const PREVENTIVE_RUN_JOB = 'run';
/** Calendar plans are looked at every hour (the run opens only what is not open yet). */
export const PREVENTIVE_EVERY_MS = 60 * 60 * 1000;
