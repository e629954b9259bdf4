// Choosing the profile to work with, as in the guide's first illustration: for each enterprise,
// its name and number, then a radio list of the person's roles there, and "Connexion". A blocked
// profile is listed (marked): choosing it gets the engine's refusal.

import { h, uid } from "../dom.js";
import { form, submit } from "../forms.js";
import { roleName } from "../policy.js";
import * as session from "../session.js";

function radioLabel(profile, t) {
  const quality = profile.quality ? ` (${profile.quality.name})` : "";
  const blocked = profile.selectable ? "" : ` — ${t("profile.blocked")}`;
  return `${roleName(profile.kind)}${quality}${blocked}`;
}

export const screens = [
  {
    id: "profile",
    path: "/profile",
    auth: "session",
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("profile.title"));
      const profiles = await ctx.run("session.profiles");
      if (!profiles) return;
      if (!profiles.length) {
        ctx.main.append(h("p", {}, t("profile.none")), h("p", {}, h("a", { href: ctx.href("/home") }, t("profile.go_home"))));
        return;
      }
      const byEnterprise = new Map();
      for (const profile of profiles) {
        const key = profile.enterprise.id;
        if (!byEnterprise.has(key)) byEnterprise.set(key, { enterprise: profile.enterprise, profiles: [] });
        byEnterprise.get(key).profiles.push(profile);
      }
      const errorId = uid("profile-error");
      const current = ctx.session.profile?.id;
      const choose = form({
        label: t("profile.title"),
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          const chosen = await ctx.run("session.choose_profile", { profile: values.profile }, { form: element });
          if (!chosen) return;
          session.started(ctx.session.token, ctx.session.person, chosen);
          ctx.navigate("/home", {}, { flash: t("profile.chosen", { profile: radioLabel(chosen, t) }) });
        },
      },
      h("fieldset", { class: "demo-radios demo-profiles", dataset: { group: "profile" } },
        h("legend", {}, t("profile.legend")),
        [...byEnterprise.values()].map(({ enterprise, profiles: list }) =>
          h("fieldset", { class: "demo-enterprise-profiles" },
            h("legend", {}, t("profile.enterprise", { name: enterprise.name, number: enterprise.number_formatted })),
            list.map((profile) => {
              const id = uid("profile");
              return h("div", { class: "demo-radio" },
                h("input", {
                  type: "radio", id, name: "profile", value: profile.id, checked: profile.id === current,
                  "aria-required": "true", dataset: { paths: "profile", errorId },
                }),
                h("label", { for: id }, radioLabel(profile, t)));
            }))),
        h("p", { id: errorId, class: "demo-field-error", hidden: true })),
      submit(t("profile.submit")));
      ctx.main.append(h("p", {}, t("profile.intro")), choose);
    },
  },
];
