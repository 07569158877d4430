// The shortest password the policy accepts (password-policy.ts), on its own so the browser can state it without
// loading the policy's word lists.
export const MIN_LENGTH = 10;
