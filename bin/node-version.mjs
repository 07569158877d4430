// The oldest Node this product runs on, checked before anything else loads.
// Why 20.19: @fastify/static loads content-disposition 3 and light-my-request loads cookie 2 with require(), and both
// are ES modules only. Node loads an ES module through require() from 20.19 on (require(esm), unflagged in 20.19.0);
// an older Node stops `serve` and `start` with ERR_REQUIRE_ESM from deep inside Fastify. Those packages declare
// Node >= 22 (npm's EBADENGINE warnings on install), but only for that reason: the suite runs on Node 20.20.
// Vite 8, which builds the dashboard, needs 20.19 too.

export const OLDEST_NODE = [20, 19];

/** Whether a Node version ("20.18.3") is older than OLDEST_NODE. */
export function nodeTooOld(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < OLDEST_NODE[0] || (major === OLDEST_NODE[0] && minor < OLDEST_NODE[1]);
}

/**
 * Both languages: this runs before the command line and its vocabulary can load, so before its language rule can.
 * @param {string} version
 */
export function nodeTooOldMessage(version) {
  const oldest = OLDEST_NODE.join('.');
  return [
    `shifan 需要 Node.js ${oldest} 或更高版本，当前为 ${version}。请升级 Node.js 后再运行（见 README 的 "Two commands" 一节）。`,
    `shifan needs Node.js ${oldest} or later; this is ${version}. Upgrade Node.js and run it again (README, "Two commands").`,
  ].join('\n');
}

/** Stops this process with nodeTooOldMessage when the running Node is older than OLDEST_NODE. */
export function exitIfNodeTooOld() {
  if (!nodeTooOld(process.versions.node)) return;
  process.stderr.write(`${nodeTooOldMessage(process.version)}\n`);
  process.exit(1);
}
