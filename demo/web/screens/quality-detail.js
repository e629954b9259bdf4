// A quality's detail (GL, co-GL, and an RAE who opened it): its identification, its e-mail
// address and the type's own data (editable), its secured applications with their dates, and its
// technical user — the contact for structured messages, chosen among the quality's users.

import { dl, h, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { formatDate, pick } from "../i18n.js";
import { qualityType } from "./members.js";

function detailPath(quality) {
  return `/quality/${encodeURIComponent(quality)}/detail`;
}

function identification(ctx, quality) {
  const { t } = ctx;
  return dl([
    [t("home.quality"), quality.name],
    [quality.identifier_label, quality.identifier_formatted],
    [t("home.quality_created"), formatDate(quality.created)],
    [t("home.quality_gl"), quality.gl ? `${quality.gl.first_name} ${quality.gl.name}` : null],
    [t("detail.email"), quality.email],
    ...quality.fields.map((f) => [f.label, f.type === "date" ? formatDate(f.value) : f.value]),
  ], { class: "demo-dl demo-identification" });
}

// The e-mail address and the type's own fields (catalogue: digits, date, enterprise number).
function editForm(ctx, quality) {
  const { t } = ctx;
  const type = qualityType(quality.type);
  const specs = new Map((type?.fields ?? []).map((f) => [f.id, f]));
  return form({
    label: t("detail.edit_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const args = { quality: quality.id };
      if (values.email !== (quality.email ?? "")) args.email = values.email;
      const fields = {};
      for (const f of quality.fields) {
        const value = values[`fields.${f.id}`];
        if (value && value !== (f.value ?? "")) fields[f.id] = value;
      }
      if (Object.keys(fields).length) args.fields = fields;
      if (Object.keys(args).length === 1) {
        ctx.clearMessages();
        ctx.announce(t("members.nothing_changed"));
        return;
      }
      const saved = await ctx.run("quality.edit", args, { form: element });
      if (saved) ctx.navigate(detailPath(quality.id), {}, { flash: t("detail.saved", { quality: quality.name }) });
    },
  },
  field({ name: "email", label: t("detail.email"), type: "email", value: quality.email ?? "", paths: ["email"],
    validate: "email", autocomplete: "off", hint: t("detail.email_hint") }),
  quality.fields.map((f) => field({
    name: `fields.${f.id}`, label: pick(specs.get(f.id)) || f.label, value: f.value ?? "", paths: [`fields.${f.id}`],
    type: f.type === "date" ? "date" : "text", autocomplete: "off",
    inputmode: f.type === "digits" || f.type === "enterprise_number" ? "numeric" : null,
  })),
  submit(t("form.save")));
}

function applications(ctx, quality) {
  const { t } = ctx;
  return h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
    h("caption", { class: "demo-sr-only" }, t("detail.applications")),
    h("thead", {}, h("tr", {}, [t("detail.application"), t("detail.since")].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, quality.applications.map((a) => h("tr", {}, h("td", {}, a.name), h("td", {}, formatDate(a.since)))))));
}

// Every user of the quality is offered, blocked ones marked: the engine says why a blocked user
// cannot be the technical user.
async function technicalUser(ctx, quality) {
  const { t } = ctx;
  const users = await ctx.run("users.list", { quality: quality.id, kind: "user", page_size: 200 });
  if (!users) return null;
  const current = quality.technical_user;
  const designate = form({
    label: t("detail.technical_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const done = await ctx.run("technical_user.designate", { role: values.role }, { form: element });
      if (done) {
        ctx.navigate(detailPath(quality.id), {}, { flash: t("detail.technical_done", {
          name: `${done.technical_user.first_name} ${done.technical_user.name}` }) });
      }
    },
  },
  field({ name: "role", label: t("detail.technical_choice"), type: "select", required: true, paths: ["role"],
    value: current?.role ?? "",
    options: [{ value: "", label: t("form.choose") }, ...users.items.map((u) => ({
      value: u.role,
      label: `${u.first_name} ${u.name}${u.username ? ` (${u.username})` : ""}${u.status === "blocked" ? ` — ${t("status.blocked")}` : ""}`,
    }))] }),
  submit(t("detail.technical_submit")));
  return h("div", {},
    h("p", {}, t("detail.technical_intro")),
    dl([[t("detail.technical_current"), current ? `${current.first_name} ${current.name}` : t("detail.technical_none")]]),
    designate);
}

export const screens = [
  {
    id: "quality-detail",
    path: "/quality/:quality/detail",
    auth: "profile",
    menu: { group: "quality", action: "quality.edit", label: "menu.quality_detail", order: 5 },
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("detail.title"));
      const quality = await ctx.run("quality.view", { quality: ctx.quality });
      if (!quality) return;
      // Other screens read quality.view too: this journal entry is what says the detail was looked at.
      await ctx.request("session.view_page", { page: "quality", quality: quality.id });
      ctx.setTitle(t("detail.title_named", { quality: quality.name }));
      const ids = [uid("edit"), uid("apps"), uid("tech")];
      ctx.main.append(identification(ctx, quality),
        h("section", { "aria-labelledby": ids[0], class: "demo-block" },
          h("h3", { id: ids[0] }, t("detail.edit_title")), editForm(ctx, quality)),
        h("section", { "aria-labelledby": ids[1], class: "demo-block" },
          h("h3", { id: ids[1] }, t("detail.applications")), applications(ctx, quality)));
      const tech = await technicalUser(ctx, quality);
      if (tech) {
        ctx.main.append(h("section", { "aria-labelledby": ids[2], class: "demo-block" },
          h("h3", { id: ids[2] }, t("detail.technical_title")), tech));
      }
    },
  },
];
