// The extension's id as VS Code knows it (`publisher.name`), read from the manifest so a rename
// cannot leave the tests looking for an extension that is not there. Named imports let esbuild
// keep only these two fields of package.json in the exthost bundles.
import { name, publisher } from '../../package.json';

export const EXTENSION_ID = `${publisher}.${name}`;
