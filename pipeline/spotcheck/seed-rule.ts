// The public die-roll procedure's rule for a seed, in a pure module (the API's route schemas and the dashboard read
// it): at least 20 decimal digits, digits only, so what was read out is what is hashed.
export const MIN_SEED_DIGITS = 20;
