// How an org's listed users become tree nodes: the org node reaches the user, factor and catalog
// nodes only through this factory, which the wiring hands over.
import type { UserNodes } from './treeDependencies';
import { UserNode } from './userNode';

export const userNodes: UserNodes = {
  create: (context, parent, user) => new UserNode(context, parent, user),
};
