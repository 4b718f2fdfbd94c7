// The modules both bundles use whose identity matters: classes checked with `instanceof` (OktaError
// and its kin, OrgRegistryError, the tree's TreeNode…) or extended on both sides (the tree's node
// bases: org rows are drawn by main, users and factors by the work half), and module-level state
// (the document providers' contents). One copy of each lives in the main bundle; the work bundle
// (dist/lazy/work.js) reaches them through this table instead of bundling its own: scripts/build.mjs
// maps its imports of these paths here, and fails the build when any other module with a class or
// state ends up in both bundles.
import * as factorDocumentProvider from './documents/factorDocumentProvider';
import * as publicKeyDocument from './documents/publicKeyDocument';
import * as oktaErrors from './okta/errors';
import * as emitter from './util/emitter';
import * as orgsErrors from './orgs/errors';
import * as orgSecretIndex from './orgs/orgSecretIndex';
import * as messageNode from './tree/messageNode';
import * as orgLoadingNode from './tree/orgLoadingNode';
import * as treeNode from './tree/treeNode';

export const SHARED_MODULES = {
  'documents/factorDocumentProvider': factorDocumentProvider,
  'documents/publicKeyDocument': publicKeyDocument,
  'okta/errors': oktaErrors,
  'util/emitter': emitter,
  'orgs/errors': orgsErrors,
  'orgs/orgSecretIndex': orgSecretIndex,
  'tree/messageNode': messageNode,
  'tree/orgLoadingNode': orgLoadingNode,
  'tree/treeNode': treeNode,
};
