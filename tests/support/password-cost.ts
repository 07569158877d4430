// Every test file runs with passwords hashed at scrypt cost 2^10 instead of the product's 2^14: a run hashes and
// checks some 400 passwords (accounts for each test database, logins, password changes), about 25 s of CPU at the
// product's cost. The hash format records its cost and checking reads it, so the code under test is the same; the
// product's cost itself is checked in tests/users/users.test.ts. Servers and commands the tests start as processes
// of their own hash at the product's cost.
import { setPasswordCost } from '../../pipeline/users/password.ts';

export const TEST_PASSWORD_COST = 1024;

setPasswordCost(TEST_PASSWORD_COST);
