// The home page of each profile. Everyone: a welcome, the enterprise (and quality) the profile
// acts for, and what the profile reaches (the engine's reach rules). An RAE or co-RAE also gets
// the list of the enterprise's qualities, each one opening its quality home (where the menu
// becomes the local manager's), and the start of the activation of a new quality.
// #/quality/<id> is that quality home, also the home of a local manager's profile.

import { dl, h, link, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { formatDate } from "../i18n.js";

function welcome(ctx) {
  const p = ctx.session.person;
  return ctx.t("home.welcome", { name: `${p.first_name} ${p.name}` });
}

function identification(ctx, profile) {
  const rows = [
    [ctx.t("home.enterprise_name"), profile.enterprise.name],
    [ctx.t("home.enterprise_number"), profile.enterprise.number_formatted],
  ];
  if (profile.quality) {
    rows.push([ctx.t("home.quality"), profile.quality.name],
      [profile.quality.identifier_label, profile.quality.identifier_formatted]);
  }
  return dl(rows, { class: "demo-dl demo-identification" });
}

// "Numéro d'entreprise : 1234.567.894": the label may wrap, the number stays whole.
function identifierText(t, label, value) {
  const [before, after] = t("home.identifier", { label, value: "\u0000" }).split("\u0000");
  return [before, h("span", { class: "demo-nowrap" }, value), after];
}

function reach(ctx, profile) {
  const apps = profile.reach.applications;
  return h("div", { class: "demo-reach" },
    h("p", {}, profile.reach.explanation),
    apps.length ? h("ul", {}, apps.map((a) => h("li", {}, a.name))) : null);
}

// The enterprise's qualities and the activation of another one (RAE, co-RAE).
async function qualities(ctx) {
  const { t } = ctx;
  const enterprise = await ctx.run("enterprise.view");
  if (!enterprise) return null;
  const headingId = uid("qualities");
  const active = new Set(enterprise.qualities.map((q) => q.type));
  const choices = enterprise.activatable.filter((q) => !active.has(q.type));
  const rows = enterprise.qualities.map((q) => h("tr", {},
    h("th", { scope: "row" }, link(q.name, ctx.href(`/quality/${encodeURIComponent(q.id)}`))),
    h("td", {}, identifierText(t, q.identifier_label, q.identifier_formatted)),
    h("td", {}, q.gl ? `${q.gl.first_name} ${q.gl.name}` : "—"),
    h("td", {}, link(t("home.designate_gl"), ctx.href(`/quality/${encodeURIComponent(q.id)}/gl`),
      { "aria-label": t("home.designate_gl_for", { quality: q.name }) }))));
  const activate = form({
    label: t("home.activate"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      ctx.navigate("/qualities/activate", { type: values.type });
    },
  },
  field({ name: "type", label: t("home.activate_choice"), type: "select", required: true,
    options: [{ value: "", label: t("form.choose") }, ...choices.map((q) => ({ value: q.type, label: q.name }))] }),
  submit(t("home.activate_next")));
  return h("section", { "aria-labelledby": headingId, class: "demo-block" },
    h("h3", { id: headingId }, t("home.qualities")),
    enterprise.qualities.length
      ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
        h("thead", {}, h("tr", {},
          [t("home.col.quality"), t("home.col.identifier"), t("home.col.gl"), t("home.col.actions")]
            .map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows)))
      : h("p", {}, t("home.no_quality")),
    choices.length ? activate : h("p", {}, t("home.all_active")));
}

// The identification of a quality and what its menu offers (RAE who opened it, or its GL).
async function qualityHome(ctx, qualityId) {
  const { t } = ctx;
  const quality = await ctx.run("quality.view", { quality: qualityId });
  if (!quality) return null;
  const rows = [
    [t("home.quality"), quality.name],
    [quality.identifier_label, quality.identifier_formatted],
    [t("home.quality_created"), formatDate(quality.created)],
    [t("home.quality_gl"), quality.gl ? `${quality.gl.first_name} ${quality.gl.name}` : null],
  ];
  return { quality, element: h("div", {}, dl(rows, { class: "demo-dl demo-identification" }), h("p", {}, t("home.quality_menu"))) };
}

export const screens = [
  {
    id: "home",
    path: "/home",
    auth: "session",
    async render(ctx) {
      const { t } = ctx;
      const profile = ctx.session.profile;
      ctx.setTitle(welcome(ctx));
      if (!profile) {
        const profiles = await ctx.run("session.profiles");
        ctx.main.append(h("p", {}, t("home.no_profile")));
        if (profiles?.length) ctx.main.append(h("p", {}, link(t("home.choose_profile"), ctx.href("/profile"))));
        return;
      }
      ctx.main.append(identification(ctx, profile), h("p", {}, t(`home.intro.${profile.kind}`)), reach(ctx, profile));
      if (profile.kind === "rae" || profile.kind === "co_rae") {
        const list = await qualities(ctx);
        if (list) ctx.main.append(list);
      } else if (profile.kind === "gl" || profile.kind === "co_gl") {
        const detail = await qualityHome(ctx, profile.quality.id);
        if (detail) ctx.main.append(detail.element);
      }
    },
  },
  {
    id: "quality-home",
    path: "/quality/:quality",
    auth: "profile",
    menu: { group: "quality", action: "quality.view", label: "menu.quality_home", order: 0 },
    async render(ctx) {
      ctx.setTitle(ctx.t("home.quality_title"));
      const detail = await qualityHome(ctx, ctx.quality);
      if (!detail) return;
      ctx.setTitle(ctx.t("home.quality_title_named", { quality: detail.quality.name }));
      ctx.main.append(detail.element);
    },
  },
];
