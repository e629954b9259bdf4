// Adding a user or a co-GL whom the application does not know yet: the guide's account form, the
// NISS already filled in (#/quality/<id>/users/add?kind=user|co_gl&niss=…&apps=drs,belcotax).

import { button, h } from "../dom.js";
import { accountForm, form, personFrom, submit } from "../forms.js";
import { applicationName, usersPath } from "./members.js";
import { showAdded } from "./users.js";

const KINDS = new Set(["user", "co_gl"]);

export const screens = [
  {
    id: "member-add",
    path: "/quality/:quality/users/add",
    auth: "profile",
    async render(ctx) {
      const { t, query } = ctx;
      const kind = KINDS.has(query.kind) ? query.kind : "user";
      ctx.setTitle(kind === "co_gl" ? t("co_gl.create_title") : t("members.create_title"));
      const back = query.back?.startsWith("/quality/") ? query.back : usersPath(ctx.quality);
      if (!query.niss) {
        ctx.navigate(back, {}, { replace: true });
        return;
      }
      const apps = kind === "user" && query.apps ? query.apps.split(",").filter(Boolean) : [];
      const validated = await ctx.request("engine.validate", { field: "niss", value: query.niss });
      const formatted = validated.ok && validated.data.valid ? validated.data.formatted : query.niss;
      const create = form({
        label: t("members.create_title"),
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          const args = { person: personFrom(values, query.niss), quality: ctx.quality };
          if (apps.length) args.applications = apps;
          const role = await ctx.run(`${kind}.add`, args, { form: element });
          if (role) showAdded(ctx, role, back);
        },
      },
      accountForm({ path: "person", niss: query.niss, nissFormatted: formatted, applications: apps.map(applicationName) }),
      h("div", { class: "demo-actions" },
        button(t("form.cancel"), () => ctx.navigate(back)),
        submit(t("form.save"))));
      ctx.main.append(h("p", {}, t("members.create_intro")), create);
    },
  },
];
