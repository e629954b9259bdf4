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
// Links from the guide: #/task/<id>?person=&profile= (tasks.json), named scenarios
// #/scenario/<name> (scenarios.json), guided tours #/tour/<name> (tours.json).
import { screens as scenario } from "./scenario.js";
import { screens as task } from "./task.js";
import { screens as tour } from "./tour.js";
// Local manager (and an RAE who opened a quality), everyone's account, legal representative,
// role assignments, the demo's mailbox and journal.
import { screens as account } from "./account.js";
import { screens as assignments } from "./assignments.js";
import { screens as certificate } from "./certificate.js";
import { screens as journal } from "./journal.js";
import { screens as mailbox } from "./mailbox.js";
import { screens as memberAdd } from "./member-add.js";
import { screens as memberEdit } from "./member-edit.js";
import { screens as myAssignments } from "./my-assignments.js";
import { screens as qualityDetail } from "./quality-detail.js";
import { screens as register } from "./register.js";
import { screens as routing } from "./routing.js";
import { screens as users } from "./users.js";

export const screens = [
  ...root,
  ...login,
  ...task,
  ...scenario,
  ...tour,
  ...profile,
  ...home,
  ...enterprise,
  ...activate,
  ...coRae,
  ...search,
  ...users,
  ...memberAdd,
  ...memberEdit,
  ...qualityDetail,
  ...routing,
  ...assignments,
  ...account,
  ...certificate,
  ...register,
  ...myAssignments,
  ...mailbox,
  ...journal,
];
