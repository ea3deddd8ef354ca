// What the Azure Functions Node.js worker gives an app, for tests: the Functions host cannot be installed here.
// The worker provides the built-in module "@azure/functions-core" by intercepting require, and @azure/functions
// registers every app.http() through it; this provides it the same way and records what is registered.
import Module from "node:module";

/** One function as the worker receives it: the metadata the host indexes, and the handler it invokes. */
export interface RegisteredFunction {
  metadata: { name: string; bindings: Record<string, Record<string, unknown>> };
  handler: (...args: unknown[]) => unknown;
}

/** The functions registered since the module was installed; `uninstall` puts require back. */
export interface FunctionsCore {
  registered: RegisteredFunction[];
  uninstall(): void;
}

/** Installs "@azure/functions-core"; call it before @azure/functions first registers a function. */
export function installFunctionsCore(): FunctionsCore {
  const registered: RegisteredFunction[] = [];
  const core = {
    version: "4.0.0-test",
    hostVersion: "4.0.0-test",
    setProgrammingModel: () => {},
    registerHook: () => ({ dispose: () => {} }),
    log: () => {},
    registerFunction: (metadata: RegisteredFunction["metadata"], handler: RegisteredFunction["handler"]) => {
      registered.push({ metadata, handler });
      return { dispose: () => {} };
    },
  };
  const original = Module.prototype.require;
  Module.prototype.require = new Proxy(original, {
    apply: (target, self, args: [string]) =>
      args[0] === "@azure/functions-core" ? core : Reflect.apply(target, self, args),
  });
  return {
    registered,
    uninstall: () => {
      Module.prototype.require = original;
    },
  };
}
