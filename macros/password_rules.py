"""The username and password rules, rendered from the engine's data
(demo/engine/src/egov_roles/data/password_rules.json), so the guide and the engine's checks
cannot drift apart: change a number there and the guide follows at the next build."""

from __future__ import annotations

from egov_roles.resources import load_json

from .common import page_language

TEXT = {
    "fr": {
        "password": "Mot de passe", "username": "Nom d'utilisateur", "sep": " ;", "end": ".",
        "no_spaces": "pas d'espace",
        "case_sensitive": "les majuscules et les minuscules sont distinguées",
        "non_letters": "au moins {n} caractères qui ne sont pas des lettres (chiffres ou caractères spéciaux)",
        "specials": "seuls ces caractères spéciaux sont acceptés : `{chars}`",
        "length": "de {min} à {max} caractères",
        "alphabet": "seulement des chiffres (0-9) et des lettres (a-z)",
        "uppercase": "les majuscules sont acceptées et ne distinguent pas deux noms (`ABCdefgh1` et `abcdefgh1` sont le même nom)",
    },
    "nl": {
        "password": "Wachtwoord", "username": "Gebruikersnaam", "sep": ";", "end": ".",
        "no_spaces": "geen spaties",
        "case_sensitive": "hoofdletters en kleine letters worden onderscheiden",
        "non_letters": "minstens {n} tekens die geen letter zijn (cijfers of speciale tekens)",
        "specials": "alleen deze speciale tekens zijn toegelaten: `{chars}`",
        "length": "{min} tot {max} tekens",
        "alphabet": "alleen cijfers (0-9) en letters (a-z)",
        "uppercase": "hoofdletters worden aanvaard en maken geen andere naam (`ABCdefgh1` en `abcdefgh1` zijn dezelfde naam)",
    },
}


def _items(lines: list[str], text: dict) -> str:
    return "\n".join(f"- {line}{text['end'] if i == len(lines) - 1 else text['sep']}" for i, line in enumerate(lines))


def rules_markdown(lang: str) -> str:
    rules = load_json("password_rules")
    text = TEXT[lang]
    pw, user = rules["password"], rules["username"]
    pw_lines = []
    if not pw["spaces_allowed"]:
        pw_lines.append(text["no_spaces"])
    if pw["case_sensitive"]:
        pw_lines.append(text["case_sensitive"])
    pw_lines.append(text["non_letters"].format(n=pw["min_non_letters"]))
    pw_lines.append(text["specials"].format(chars=pw["specials"]))
    pw_lines.append(text["length"].format(min=pw["min_length"], max=pw["max_length"]))
    user_lines = [text["alphabet"], text["length"].format(min=user["min_length"], max=user["max_length"])]
    if not user["spaces_allowed"]:
        user_lines.append(text["no_spaces"])
    if user.get("uppercase_allowed") and user.get("unique_case_insensitive"):
        user_lines.append(text["uppercase"])
    return (f"**{text['password']}**\n\n{_items(pw_lines, text)}\n\n"
            f"**{text['username']}**\n\n{_items(user_lines, text)}\n")


def define_env(env):
    @env.macro
    def password_rules() -> str:
        return rules_markdown(page_language(env))
