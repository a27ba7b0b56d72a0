/** The log follower that turns device signals into requests. */
export const DEVICE_REQUESTS_FOLLOWER = 'DEVICE_REQUESTS_FOLLOWER';
