// Route schemas compiled when first used instead of all at once while the app is built. Fastify compiles an Ajv
// validator and a fast-json-stringify serializer for every route at start-up (about 130 routes: a third of the CPU
// time of a server start, issue 16); these compilers hand Fastify a stand-in for each that compiles the real one,
// with Fastify's own compilers and options, on its first call, and warmUp() compiles the rest in small steps once
// the server answers, so the first view of the dashboard seldom waits for one. `shifan serve` uses them
// (app.ts `lazySchemas`), and so do most tests (tests/api/helper.ts buildTestApp); tests/api/listen-first.test.ts
// builds the app both ways and warms the lazy one up, so a schema that does not compile fails there.
import { createRequire } from 'node:module';

type Compile = (routeSchema: unknown) => unknown;
type Factory = (externalSchemas: unknown, options: unknown) => Compile;
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;

/** Fastify's own default compilers, resolved from Fastify's folder (they are its dependencies, not ours). */
const fastifyRequire = () => createRequire(createRequire(import.meta.url).resolve('fastify'));

export interface LazySchemaCompilers {
  compilersFactory: { buildValidator: Factory; buildSerializer: Factory };
  /** compilations not yet done */
  pending: () => number;
  /** Compiles what is left, one schema per turn of the event loop so requests interleave; errors are reported. */
  warmUp: (onError: (err: unknown) => void) => Promise<void>;
}

export function lazySchemaCompilers(): LazySchemaCompilers {
  const pending = new Set<() => unknown>();
  const lazyFactory = (module: string, wrap: (get: () => unknown) => unknown): Factory => {
    let selector: Factory | undefined;
    return (externalSchemas, options) => {
      let compile: Compile | undefined;
      const compiler = () => {
        selector ??= (fastifyRequire()(module) as () => Factory)();
        compile ??= selector(externalSchemas, options);
        return compile;
      };
      return (routeSchema) => {
        let real: unknown;
        const get = () => {
          if (real === undefined) {
            real = compiler()(routeSchema);
            pending.delete(get);
          }
          return real;
        };
        pending.add(get);
        return wrap(get);
      };
    };
  };
  const validator = (get: () => unknown): Validate => {
    const fn = get as () => Validate;
    const lazy: Validate = (data, context) => fn()(data, context);
    // Fastify reads `schemaEnv` before calling (to give Ajv the parent object) and `errors` after: both are the real
    // validator's, so it is compiled on the first read of either.
    Object.defineProperty(lazy, 'schemaEnv', { get: () => fn().schemaEnv });
    Object.defineProperty(lazy, 'errors', { get: () => fn().errors });
    return lazy;
  };
  const serializer = (get: () => unknown): Serialize => {
    const fn = get as () => Serialize;
    return (data) => fn()(data);
  };
  return {
    compilersFactory: {
      buildValidator: lazyFactory('@fastify/ajv-compiler', validator),
      buildSerializer: lazyFactory('@fastify/fast-json-stringify-compiler', serializer),
    },
    pending: () => pending.size,
    warmUp: async (onError) => {
      for (const get of [...pending]) {
        await new Promise((resolve) => setImmediate(resolve));
        try {
          get();
        } catch (err) {
          pending.delete(get);
          onError(err);
        }
      }
    },
  };
}
