// The demo's mailbox: the e-mails the engine sent (its in-memory outbox) to the addresses of the
// person logged in — their e-mail, local e-mail and the e-mail of each of their roles. An
// invitation opens on its "accept" button. Since no real mail leaves the demo, any other address
// can be looked at too (an invitee the application does not know yet has no address on file).

import { h, link, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { formatDateTime, pick, tn } from "../i18n.js";

function addressesOf(account) {
  const found = new Map();
  const add = (address) => {
    if (address && !found.has(address.toLowerCase())) found.set(address.toLowerCase(), address);
  };
  add(account.person.email);
  add(account.person.local_email);
  for (const role of account.roles) add(role.email);
  return [...found.values()];
}

function message(ctx, mail) {
  const { t } = ctx;
  const id = uid("mail");
  const subject = pick(mail.subject);
  const body = pick(mail.body);
  return h("article", { class: "demo-mail demo-block", "aria-labelledby": id, dataset: { mail: mail.id, kind: mail.kind } },
    h("h4", { id }, subject),
    h("p", { class: "demo-hint" }, t("mailbox.meta", { to: mail.to, sent: formatDateTime(mail.sent) })),
    body.split(/\n{2,}/).map((part) => h("p", {}, part)),
    mail.data?.code ? h("p", {}, link(t("mailbox.accept"), ctx.href("/assignments/accept", { code: mail.data.code }),
      { class: "md-button md-button--primary" })) : null);
}

export const screens = [
  {
    id: "mailbox",
    path: "/mailbox",
    auth: "session",
    menu: { group: "assignment", label: "menu.mailbox", order: 30 },
    async render(ctx) {
      const { t, query } = ctx;
      ctx.setTitle(t("mailbox.title"));
      const account = await ctx.run("account.view");
      if (!account) return;
      const mine = addressesOf(account);
      const addresses = query.address ? [query.address] : mine;
      const outbox = await ctx.run("outbox.list");
      if (!outbox) return;
      const wanted = new Set(addresses.map((a) => a.toLowerCase()));
      const mails = outbox.filter((m) => wanted.has(String(m.to).toLowerCase()));
      const other = form({
        label: t("mailbox.other_title"),
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          ctx.navigate("/mailbox", { address: values.address });
        },
      },
      field({ name: "address", label: t("mailbox.other_address"), type: "email", required: true, value: query.address ?? "",
        autocomplete: "off" }),
      h("div", { class: "demo-actions" },
        query.address ? link(t("mailbox.mine"), ctx.href("/mailbox"), { class: "md-button" }) : null,
        submit(t("mailbox.other_submit"))));
      const [listId, otherId] = [uid("list"), uid("other")];
      ctx.main.append(
        h("p", {}, t("mailbox.intro")),
        h("p", {}, addresses.length ? t("mailbox.addresses", { addresses: addresses.join(", ") }) : t("mailbox.no_address")),
        h("section", { "aria-labelledby": listId },
          h("h3", { id: listId }, tn("mailbox.count", mails.length)),
          mails.map((m) => message(ctx, m))),
        h("section", { "aria-labelledby": otherId, class: "demo-block" },
          h("h3", { id: otherId }, t("mailbox.other_title")), h("p", {}, t("mailbox.other_intro")), other));
    },
  },
];
