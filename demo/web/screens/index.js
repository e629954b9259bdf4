// Every screen of the demo, in the order the router tries their paths. To add a screen: write a
// module in this folder exporting `screens` (see README.md), import it here, add it to the list.

import { screens as activate } from "./activate.js";
import { screens as coRae } from "./co-rae.js";
import { screens as enterprise } from "./enterprise.js";
import { screens as home } from "./home.js";
import { screens as login } from "./login.js";
import { screens as profile } from "./profile.js";
import { screens as root } from "./root.js";
import { screens as search } from "./search.js";

export const screens = [
  ...root,
  ...login,
  ...profile,
  ...home,
  ...enterprise,
  ...activate,
  ...coRae,
  ...search,
];
