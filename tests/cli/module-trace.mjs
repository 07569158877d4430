// Preloaded with `node --import`: prints every module URL the process resolves, one per line on stderr,
// prefixed "module-trace ", so a test can see which packages a command loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('module-trace ' + result.url + '\\n');
  return result;
}`)}`,
);
