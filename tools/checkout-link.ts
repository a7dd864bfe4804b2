/**
 * Links this checkout into its own `node_modules` as `pulumi-lightsail-certificates`, for the few
 * places that play a user's project rooted in the checkout: `LSC_TEST_PACKAGE=checkout` (its
 * programs' `node_modules` is the checkout's) and the tests that evaluate a stored provider text
 * the way Pulumi's dynamic-provider host does (require-from-string resolves from the working
 * directory, where Node's self-reference by name does not apply). Neither the build nor the lint
 * needs it: the product reaches itself by relative paths, and code inside the checkout that names
 * the package resolves it through `package.json` `exports`. Idempotent; touches nothing outside
 * `node_modules/pulumi-lightsail-certificates`, which npm prunes on its next install.
 */
import * as fs from "node:fs";
import * as path from "node:path";
const PACKAGE_NAME = "pulumi-lightsail-certificates";

/** Makes `<checkout>/node_modules/pulumi-lightsail-certificates` a link to the checkout; returns its path. */
export function linkCheckout(root: string = path.resolve(__dirname, "..")): string {
  const link = path.join(root, "node_modules", PACKAGE_NAME);
  try {
    const stat = fs.lstatSync(link);
    if (stat.isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(root)) return link;
    fs.rmSync(link, { recursive: true, force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync("..", link, "dir");
  return link;
}
