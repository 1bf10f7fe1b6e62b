// Runs a bench's vitest config (a pool inside workerd) and collects what its test cases left in
// their meta, with every error. The meta comes from another process: callers parse it.
import { startVitest, type Reporter } from 'vitest/node';

export interface BenchRun {
  /** Each test case's meta, in the order the cases finished. */
  metas: unknown[];
  /** Stacks (or messages) of failed cases, failed files and unhandled errors. */
  errors: string[];
}

/** Runs the bench files of `config` (those matching `filters`, or all). */
export async function runVitestBench(config: string, filters: string[] = []): Promise<BenchRun> {
  const run: BenchRun = { metas: [], errors: [] };
  const describe = (error: { stack?: string | undefined; message: string }) => error.stack ?? error.message;
  const collector: Reporter = {
    onTestCaseResult(testCase) {
      run.metas.push(testCase.meta());
      for (const error of testCase.result().errors ?? []) run.errors.push(describe(error));
    },
    onTestRunEnd(testModules, unhandledErrors) {
      for (const module of testModules) for (const error of module.errors()) run.errors.push(describe(error));
      for (const error of unhandledErrors) run.errors.push(describe(error));
    },
  };
  const vitest = await startVitest('test', filters, { config, watch: false, reporters: [collector] });
  await vitest?.close();
  return run;
}
