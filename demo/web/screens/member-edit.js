// One member of a quality (a user or a co-GL): their data — language, e-mail, local e-mail,
// title — the secured applications granted to a user with the date of each grant, and a new
// password. The commands are user.* or co_gl.*: the GL, the RAE and the co-RAEs act on co-GLs; the
// engine explains to a co-GL who tries that he does not.

import { button, dl, h, uid } from "../dom.js";
import { checkboxes, field, form, passwordRules, submit } from "../forms.js";
import { formatDate } from "../i18n.js";
import { roleName } from "../policy.js";
import {
  ACTIONABLE, applicationName, dataFields, fullName, grantedText, memberCommand, memberPath, memberRow, sendChanges, usersPath,
} from "./members.js";

function identity(ctx, row) {
  const { t } = ctx;
  return dl([
    [t("account.niss"), row.niss_formatted],
    [t("account.username"), row.username],
    [t("members.col.kind"), roleName(row.kind)],
    [t("gl.summary_status"), t(`status.${row.status}`)],
    [t("members.role_email"), row.role_email],
    [t("members.col.applications"), grantedText(row.granted)],
  ]);
}

function dataForm(ctx, row) {
  const { t } = ctx;
  return form({
    label: t("members.data_title"),
    onSubmit: async (values, element) => {
      const person = await sendChanges(ctx, memberCommand(row.kind, "edit"), row, values, element);
      if (person) ctx.navigate(memberPath(ctx.quality, row.role, "edit"), {}, { flash: t("members.edited", { name: fullName(row) }) });
    },
  },
  dataFields(ctx, row),
  submit(t("form.save")));
}

function applicationsForm(ctx, row, quality) {
  const { t } = ctx;
  const ids = quality.applications.map((a) => a.id);
  const options = ids.map((id) => ({
    value: id, checked: id in row.granted,
    label: id in row.granted ? t("members.granted_on", { application: applicationName(id), date: formatDate(row.granted[id]) })
      : applicationName(id),
  }));
  return form({
    label: t("members.applications_title"),
    onSubmit: async (values, element) => {
      const checked = new Set(values.applications ?? []);
      const grant = ids.filter((id) => checked.has(id) && !(id in row.granted));
      const withdraw = ids.filter((id) => !checked.has(id) && id in row.granted);
      if (!grant.length && !withdraw.length) {
        ctx.clearMessages();
        ctx.announce(t("members.nothing_changed"));
        return;
      }
      const role = await ctx.run("user.grant_application", { role: row.role, grant, withdraw }, { form: element });
      if (role) ctx.navigate(memberPath(ctx.quality, row.role, "edit"), {},
        { flash: t("members.applications_changed", { name: fullName(row) }) });
    },
  },
  checkboxes({ name: "applications", legend: t("members.applications_legend"), options, paths: ["grant", "withdraw"] }),
  submit(t("members.applications_save")));
}

async function editScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("members.edit_title"));
  const row = await memberRow(ctx, ctx.params.role);
  if (!row) return;
  ctx.setTitle(t("members.edit_title_named", { name: fullName(row) }));
  if (!ACTIONABLE.includes(row.kind)) {
    ctx.main.append(identity(ctx, row), h("p", {}, t("members.gl_note")));
    return;
  }
  const dataId = uid("data");
  ctx.main.append(identity(ctx, row),
    h("section", { "aria-labelledby": dataId, class: "demo-block" },
      h("h3", { id: dataId }, t("members.data_title")), dataForm(ctx, row)));
  if (row.kind === "user") {
    const quality = await ctx.run("quality.view", { quality: ctx.quality });
    if (!quality) return;
    const appsId = uid("apps");
    ctx.main.append(h("section", { "aria-labelledby": appsId, class: "demo-block" },
      h("h3", { id: appsId }, t("members.applications_title")),
      h("p", {}, t("members.applications_intro")),
      applicationsForm(ctx, row, quality)));
  }
  ctx.main.append(h("p", {}, button(t("members.back"), () => ctx.navigate(usersPath(ctx.quality)))));
}

async function passwordScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("members.password_title"));
  const row = await memberRow(ctx, ctx.params.role);
  if (!row) return;
  ctx.setTitle(t("members.password_title_named", { name: fullName(row) }));
  if (!ACTIONABLE.includes(row.kind)) {
    ctx.main.append(h("p", {}, t("members.gl_note")));
    return;
  }
  const change = form({
    className: "demo-form demo-rules-beside",
    label: t("members.password_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const done = await ctx.run(memberCommand(row.kind, "reset_password"), { role: row.role, password: values.password },
        { form: element });
      if (done) ctx.navigate(usersPath(ctx.quality), {}, { flash: t("members.password_changed", { name: fullName(row) }) });
    },
  },
  dl([[t("account.username"), row.username], [t("members.col.kind"), roleName(row.kind)]]),
  field({ name: "password", label: t("account.password"), type: "password", required: true, paths: ["password"],
    autocomplete: "new-password", validate: "password", hint: passwordRules() }),
  field({ name: "password_confirm", label: t("account.password_confirm"), type: "password", required: true,
    confirms: "password", autocomplete: "new-password" }),
  h("div", { class: "demo-actions" },
    button(t("form.cancel"), () => ctx.navigate(usersPath(ctx.quality))),
    submit(t("form.save"))));
  ctx.main.append(change);
}

export const screens = [
  { id: "member-edit", path: "/quality/:quality/users/:role/edit", auth: "profile", render: editScreen },
  { id: "member-password", path: "/quality/:quality/users/:role/password", auth: "profile", render: passwordScreen },
];
