/** How often a server launched by npm looks whether npm's shell is still there. */
const PARENT_CHECK_MS = 250;

/**
 * `npx mockpact mock & kill $!` signals npm, which ends its `sh -c` child; that shell (dash) does not
 * pass SIGTERM on, so node would be adopted by init and keep the port. Launched by npm (which sets
 * `npm_command`: npx, npm exec, npm start), the server stops as on SIGTERM once its parent is gone:
 * its parent id changes when it is adopted. Not otherwise: a server started on purpose from a subshell
 * that exits keeps running. Returns the function that stops watching.
 */
export function onParentGone(stop: () => void): () => void {
  if (process.env.npm_command === undefined) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, PARENT_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
