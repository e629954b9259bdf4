"""The reference page of the role engine's commands, generated from the engine's own catalogue
(egov_roles.command_catalogue), and the username/password rules rendered from the engine's data
(data/password_rules.json), so that neither is typed twice.

Macros:
- command_reference(): every command grouped by family, with its policy action, whether it
  needs a session, whether it is journaled, and its arguments (name, type, required, meaning).
- password_rules(): the username and password rules as a list, in the page language.
"""

from __future__ import annotations

import egov_roles
from egov_roles import messages, policy
from egov_roles.resources import load_json

from .common import page_language

GROUPS = {
    "engine": {"fr": "Description du moteur", "nl": "Beschrijving van de motor"},
    "state": {"fr": "État de la démo", "nl": "Toestand van de demo"},
    "session": {"fr": "Connexion et profils", "nl": "Aanmelden en profielen"},
    "enterprise": {"fr": "Entreprise", "nl": "Onderneming"},
    "co_rae": {"fr": "Co-RAE", "nl": "Co-VTE's"},
    "users": {"fr": "Recherche d'utilisateurs", "nl": "Gebruikers zoeken"},
    "user": {"fr": "Utilisateurs", "nl": "Gebruikers"},
    "co_gl": {"fr": "Co-GL", "nl": "Co-lokale beheerders"},
    "quality": {"fr": "Qualité", "nl": "Hoedanigheid"},
    "account": {"fr": "Propre compte", "nl": "Eigen account"},
    "assignment": {"fr": "Attributions de rôle", "nl": "Roltoewijzingen"},
}

TEXT = {
    "fr": {"arg": "Argument", "type": "Type", "required": "Obligatoire", "meaning": "Signification",
           "yes": "oui", "no": "non", "action": "Action du tableau des droits", "none": "aucune (commande système)",
           "session": {"none": "sans session", "person": "session requise (profil facultatif)",
                       "action": "session et profil autorisés par le tableau des droits"},
           "journal": {True: "inscrite au journal d'audit", False: "pas inscrite au journal"},
           "no_args": "Pas d'argument.", "choices": "valeurs"},
    "nl": {"arg": "Argument", "type": "Type", "required": "Verplicht", "meaning": "Betekenis",
           "yes": "ja", "no": "nee", "action": "Handeling in de rechtentabel", "none": "geen (systeemopdracht)",
           "session": {"none": "zonder sessie", "person": "sessie vereist (profiel naar keuze)",
                       "action": "sessie en profiel toegelaten door de rechtentabel"},
           "journal": {True: "opgenomen in het auditlogboek", False: "niet opgenomen in het logboek"},
           "no_args": "Geen argumenten.", "choices": "waarden"},
}


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


FAULTS = {
    "fr": {
        "title": "Les fautes d'une demande",
        "text": "Une commande vérifie tous ses champs avant de répondre. Une réponse refusée garde dans `error` "
                "la première faute et donne dans `errors` toutes les fautes trouvées, la première comprise, "
                "chacune avec son `code`, son `field` (le champ, pointé dans un objet : `gl.email`), sa `reason` "
                "et son `message` : un formulaire les montre toutes à la fois, chacune sous son champ. Un texte "
                "plus long que sa limite, ou qui contient un caractère de contrôle (tabulation, retour à la "
                "ligne…), est refusé ; les limites sont des données du moteur (`data/field_limits.json`) :",
        "field": "Champ", "max": "Longueur maximale", "other": "Tout autre texte", "quality_field": "Une donnée propre à une qualité",
        "per_command": {"bce.add_enterprise.name": "Le nom d'une entreprise"},
    },
    "nl": {
        "title": "De fouten van een verzoek",
        "text": "Een opdracht controleert al haar velden voor ze antwoordt. Een geweigerd antwoord houdt in "
                "`error` de eerste fout en geeft in `errors` alle gevonden fouten, de eerste inbegrepen, elk met "
                "haar `code`, haar `field` (het veld, met een punt in een object: `gl.email`), haar `reason` en "
                "haar `message`: een formulier toont ze allemaal tegelijk, elk onder het eigen veld. Een tekst die "
                "langer is dan zijn grens, of die een stuurteken bevat (tab, regeleinde…), wordt geweigerd; de "
                "grenzen zijn gegevens van de motor (`data/field_limits.json`):",
        "field": "Veld", "max": "Maximale lengte", "other": "Elke andere tekst", "quality_field": "Een gegeven van een hoedanigheid",
        "per_command": {"bce.add_enterprise.name": "De naam van een onderneming"},
    },
}


def faults_markdown(lang: str) -> str:
    """How a refusal lists every fault, and the bounds of the text fields (data/field_limits.json)."""
    from egov_roles import bounds

    text = FAULTS[lang]
    limits = bounds.export()
    rules_governed = set(load_json("field_limits")["from_password_rules"])
    rows = []
    for field, bound in limits["fields"].items():
        if field in rules_governed:
            continue
        label = text["quality_field"] if field == "quality_field" else messages.field_label(field, lang)
        rows.append(f"| {label[:1].upper() + label[1:]} | {bound} |")
    for command, fields in limits["per_command"].items():
        rows += [f"| {text['per_command'][f'{command}.{field}']} | {bound} |" for field, bound in fields.items()]
    return "\n".join([f"## {text['title']}\n", text["text"], "", f"| {text['field']} | {text['max']} |", "|---|---|",
                      *rows, f"| {text['other']} | {limits['default']} |", ""]) + "\n"


def reference_markdown(lang: str) -> str:
    text = TEXT[lang]
    commands = egov_roles.command_catalogue()
    out: list[str] = [faults_markdown(lang)]
    for group, names in GROUPS.items():
        members = [c for c in commands if c["group"] == group]
        if not members:
            continue
        out.append(f"## {names[lang]}\n")
        for cmd in members:
            out.append(f"### `{cmd['name']}` {{ #{cmd['name'].replace('.', '-').replace('_', '-')} }}\n")
            out.append(cmd["description"][lang] + "\n")
            action = f"`{cmd['action']}` ({policy.action(cmd['action'])[lang]})" if cmd["action"] else text["none"]
            out.append(f"- {text['action']} : {action}" if lang == "fr" else f"- {text['action']}: {action}")
            out.append(f"- {text['session'][cmd['session']]} ; {text['journal'][cmd['journaled']]}\n"
                       if lang == "fr" else f"- {text['session'][cmd['session']]}; {text['journal'][cmd['journaled']]}\n")
            if not cmd["args"]:
                out.append(text["no_args"] + "\n")
                continue
            out.append(f"| {text['arg']} | {text['type']} | {text['required']} | {text['meaning']} |")
            out.append("|---|---|---|---|")
            for arg in cmd["args"]:
                meaning = arg["description"][lang]
                if arg["choices"]:
                    meaning += f" ({text['choices']} : " if lang == "fr" else f" ({text['choices']}: "
                    meaning += ", ".join(f"`{c}`" for c in arg["choices"]) + ")"
                out.append(f"| `{arg['name']}` | {messages.type_name(arg['type'], lang)} | "
                           f"{text['yes'] if arg['required'] else text['no']} | {_escape(meaning)} |")
            out.append("")
    missing = {c["group"] for c in commands} - set(GROUPS)
    if missing:
        raise ValueError(f"command_reference: no title for command groups {sorted(missing)}")
    return "\n".join(out) + "\n"


RULE_TEXT = {
    "fr": {
        "password": "Mot de passe",
        "username": "Nom d'utilisateur",
        "length": "de {min} à {max} caractères",
        "no_spaces": "pas d'espace",
        "case": "les majuscules et les minuscules comptent",
        "non_letters": "au moins {n} caractères qui ne sont pas des lettres (chiffres ou caractères spéciaux)",
        "specials": "seuls ces caractères spéciaux sont admis : `{specials}`",
        "alphabet": "seulement des lettres a-z et des chiffres 0-9",
        "upper": "les majuscules sont acceptées ; deux noms qui ne diffèrent que par les majuscules sont le même nom",
    },
    "nl": {
        "password": "Wachtwoord",
        "username": "Gebruikersnaam",
        "length": "{min} tot {max} tekens",
        "no_spaces": "geen spaties",
        "case": "hoofdletters en kleine letters tellen",
        "non_letters": "minstens {n} tekens die geen letter zijn (cijfers of speciale tekens)",
        "specials": "alleen deze speciale tekens zijn toegestaan: `{specials}`",
        "alphabet": "alleen letters a-z en cijfers 0-9",
        "upper": "hoofdletters zijn toegestaan; twee namen die alleen in hoofdletters verschillen, zijn dezelfde naam",
    },
}


def password_rules_markdown(lang: str) -> str:
    rules = load_json("password_rules")
    t = RULE_TEXT[lang]
    pw, user = rules["password"], rules["username"]
    colon = " :" if lang == "fr" else ":"
    lines = [f"**{t['password']}**{colon}", ""]
    lines.append(f"- {t['length'].format(min=pw['min_length'], max=pw['max_length'])}")
    if not pw["spaces_allowed"]:
        lines.append(f"- {t['no_spaces']}")
    if pw["case_sensitive"]:
        lines.append(f"- {t['case']}")
    lines.append(f"- {t['non_letters'].format(n=pw['min_non_letters'])}")
    lines.append(f"- {t['specials'].format(specials=pw['specials'])}")
    lines += ["", f"**{t['username']}**{colon}", ""]
    lines.append(f"- {t['alphabet']}")
    lines.append(f"- {t['length'].format(min=user['min_length'], max=user['max_length'])}")
    if not user["spaces_allowed"]:
        lines.append(f"- {t['no_spaces']}")
    if user["uppercase_allowed"]:
        lines.append(f"- {t['upper']}")
    return "\n".join(lines) + "\n"


def define_env(env):
    @env.macro
    def command_reference() -> str:
        return reference_markdown(page_language(env))

    @env.macro
    def password_rules() -> str:
        return password_rules_markdown(page_language(env))
