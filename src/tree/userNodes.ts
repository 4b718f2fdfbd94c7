// How an org's listed users become tree nodes. The user, factor and catalog nodes are bundled with
// the work half (work.ts hands this over); the org node reaches them only through this factory.
import type { UserNodes } from './treeDependencies';
import { UserNode } from './userNode';

export const userNodes: UserNodes = {
  create: (context, parent, user) => new UserNode(context, parent, user),
};
