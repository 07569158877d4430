// Used by lazy-loading.test.ts: builds the server app with its scheduled jobs on an in-memory database and closes
// it, so the test can see which packages a server start loads.

import { buildApp } from '../../pipeline/api/app.ts';
import { Database } from '../../pipeline/db/index.ts';
import { jobDefinitions } from '../../pipeline/jobs/definitions.ts';

const db = await Database.open(':memory:');
const app = await buildApp({ db });
await app.ready();
if (Object.keys(jobDefinitions).length === 0) throw new Error('no job definitions');
await app.close();
db.close();
