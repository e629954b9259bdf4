// The enterprise's detail as registered with social security, and its RAE's data (no action
// here, as in the guide), plus the RAE change, which the engine always refuses: the contact
// centre does it.

import { button, dl, h, uid } from "../dom.js";
import { formatDate } from "../i18n.js";

export const screens = [
  {
    id: "enterprise",
    path: "/enterprise",
    auth: "profile",
    menu: { group: "enterprise", action: "enterprise.view", label: "menu.enterprise", order: 10 },
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("enterprise.title"));
      const enterprise = await ctx.run("enterprise.view");
      if (!enterprise) return;
      // The RAE home reads enterprise.view too: this journal entry is what says the detail was looked at.
      await ctx.request("session.view_page", { page: "enterprise" });
      const idA = uid("ent");
      const idB = uid("rae");
      const rae = enterprise.rae;
      ctx.main.append(
        h("section", { "aria-labelledby": idA, class: "demo-block" },
          h("h3", { id: idA }, t("enterprise.identification")),
          dl([
            [t("home.enterprise_name"), enterprise.name],
            [t("home.enterprise_number"), enterprise.number_formatted],
            [t("enterprise.created"), formatDate(enterprise.created)],
            [t("enterprise.email"), enterprise.email],
          ])),
        h("section", { "aria-labelledby": idB, class: "demo-block" },
          h("h3", { id: idB }, t("enterprise.rae")),
          rae ? dl([
            [t("account.username"), rae.username],
            [t("account.name"), rae.name],
            [t("account.first_name"), rae.first_name],
            [t("account.niss"), rae.niss_formatted],
            [t("enterprise.created"), formatDate(rae.created)],
            [t("account.email"), rae.email],
            [t("account.local_email"), rae.local_email],
          ]) : h("p", {}, "—"),
          h("p", {}, t("enterprise.change_rae_intro")),
          button(t("enterprise.change_rae"), async () => {
            const changed = await ctx.run("enterprise.change_rae");
            if (changed) ctx.navigate("/enterprise", {}, { flash: t("enterprise.changed") });
          })));
    },
  },
];
