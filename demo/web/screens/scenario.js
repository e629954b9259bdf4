// #/scenario/<name>: open a named scenario (scenarios.json, built by scenarios.js). The demo's
// state is replaced by the scenario's, the reader is logged in as its person with its profile
// and lands on its screen; the goal stays in the panel above the screens (coach.js). A command
// the engine refuses on the way is explained and the previous state is kept.

import { h, link, uid } from "../dom.js";
import { pick } from "../i18n.js";
import { commandLabel } from "../policy.js";
import { lastSeq, readJournal } from "../conditions.js";
import { build, loadScenarios } from "../scenarios.js";
import * as session from "../session.js";
import * as store from "../store.js";
import { loginAs } from "./task.js";
import { own } from "../own.js";

export const screens = [
  {
    id: "scenario",
    path: "/scenario/:name",
    auth: "none",
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("scenario.title"));
      const name = ctx.params.name;
      const spec = own(await loadScenarios(), name);
      const back = h("p", {}, link(t("scenario.to_list"), ctx.href("/tours")));
      if (!spec) {
        ctx.main.append(h("p", { class: "demo-note", dataset: { problem: "scenario" } }, t("scenario.unknown")), back);
        return;
      }
      ctx.setTitle(t("scenario.title_named", { title: pick(spec.title) }));
      // The reader's own work in the demo is not replaced without asking.
      if (ctx.query.replace !== "yes" && (await readJournal()).entries.some((entry) => entry.actor)) {
        const textId = uid("confirm");
        ctx.main.append(h("div", { class: "demo-confirm", role: "group", "aria-labelledby": textId },
          h("p", { id: textId }, t("scenario.confirm", { title: pick(spec.title) })),
          h("p", { class: "demo-actions" },
            link(t("scenario.open"), ctx.href(`/scenario/${encodeURIComponent(name)}`, { replace: "yes" }),
              { class: "md-button md-button--primary", dataset: { confirm: "replace" } }),
            link(t("form.cancel"), ctx.href("/tours"), { class: "md-button" }))));
        return;
      }
      const built = await build(spec);
      if (!built.ok) {
        session.adopt();
        ctx.main.append(h("p", { class: "demo-note", dataset: { problem: "build" } },
          t("scenario.failed", { step: built.index, command: commandLabel(built.step?.command), actor: built.actor }), " ",
          built.restored ? t("scenario.kept") : t("scenario.not_kept")), back);
        ctx.fail(built.error);
        ctx.refreshFrame();
        return;
      }
      session.forget();
      if (!(await loginAs(ctx, spec.person, spec.profile))) return;
      store.setUi({ scenario: { name, since: await lastSeq() }, tour: null, tours: {} });
      ctx.navigate(spec.path, {}, { replace: true, flash: t("scenario.ready", { title: pick(spec.title) }) });
    },
  },
];
