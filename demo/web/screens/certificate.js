// Loading one's personal certificate: the reader picks the file (PEM or DER); the engine reads it
// (engine.read_certificate: subject, issuer, serial number, validity) or says why it is not a
// certificate; the reader checks what it holds, then loads it (account.upload_certificate). An
// expired certificate is refused by the engine with its explanation.

import { button, dl, h, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { formatDate } from "../i18n.js";

// The file's bytes as base64, in slices (String.fromCharCode takes a bounded number of arguments).
async function base64Of(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function certificateRows(ctx, c) {
  const { t } = ctx;
  return [
    [t("certificate.subject"), c.subject],
    [t("certificate.issuer"), c.issuer],
    [t("certificate.serial"), c.serial],
    [t("certificate.valid_from"), formatDate(c.valid_from)],
    [t("certificate.valid_until"), formatDate(c.valid_until)],
  ];
}

function statusText(t, status) {
  if (status === "expired") return t("certificate.status_expired");
  if (status === "not_yet_valid") return t("certificate.status_not_yet");
  return t("certificate.status_valid");
}

export const screens = [
  {
    id: "certificate",
    path: "/account/certificate",
    auth: "session",
    menu: { group: "account", action: "account.upload_certificate", label: "menu.certificate", order: 30 },
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("certificate.title"));
      const account = await ctx.run("account.view");
      if (!account) return;
      const current = account.person.certificate;
      const [currentId, loadId] = [uid("current"), uid("load")];
      const preview = h("div", { class: "demo-certificate-preview" });

      function showPreview(found) {
        const headingId = uid("preview");
        const heading = h("h4", { id: headingId, tabindex: "-1" }, t("certificate.preview_title"));
        preview.replaceChildren(h("section", { "aria-labelledby": headingId, class: "demo-confirm" },
          heading,
          dl([...certificateRows(ctx, found), [t("certificate.status"), statusText(t, found.status)]]),
          h("div", { class: "demo-actions" },
            button(t("certificate.load"), async () => {
              const args = { subject: found.subject, issuer: found.issuer, serial: found.serial,
                valid_from: found.valid_from, valid_until: found.valid_until };
              const stored = await ctx.run("account.upload_certificate", args);
              if (stored) ctx.navigate("/account/certificate", {}, { flash: t("certificate.loaded") });
            }, { class: "md-button md-button--primary" }),
            button(t("form.cancel"), () => {
              preview.replaceChildren();
              ctx.focus(chooser.querySelector("input[type=file]"));
            }))));
        ctx.announce(t("certificate.read_done"));
        ctx.focus(heading);
      }

      const fileField = field({ name: "file", label: t("certificate.file"), type: "file", required: true,
        paths: ["data"], hint: t("certificate.file_hint") });
      fileField.querySelector("input").setAttribute("accept", ".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert");
      const chooser = form({
        label: t("certificate.load_title"),
        onSubmit: async (values, element) => {
          preview.replaceChildren();
          if (!(await ctx.checkForm(element))) return;
          const file = element.querySelector("input[type=file]").files[0];
          const found = await ctx.run("engine.read_certificate", { data: await base64Of(file) }, { form: element });
          if (found) showPreview(found);
        },
      }, fileField, submit(t("certificate.read")));

      ctx.main.append(
        h("section", { "aria-labelledby": currentId, class: "demo-block" },
          h("h3", { id: currentId }, t("certificate.current")),
          current ? dl([...certificateRows(ctx, current), [t("certificate.loaded_on"), formatDate(current.loaded)]])
            : h("p", {}, t("me.certificate_none"))),
        h("section", { "aria-labelledby": loadId, class: "demo-block" },
          h("h3", { id: loadId }, t("certificate.load_title")),
          h("p", {}, t("certificate.intro")),
          chooser, preview));
    },
  },
];
