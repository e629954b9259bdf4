"""Every sentence the engine says, in French and Dutch. German and English requests get the
French text (the sources give no German or English wording to follow); the response says which
language it used.

Templates use str.format fields filled from the error's parameters; a parameter may be given per
language ({"fr": ..., "nl": ...}). `{label}` / `{Label}` (capitalised, to open a sentence) name the
field at fault by its label in the reader's language (FIELD_LABELS), never by its argument id.
Messages state the rule the input breaks ("Le mot de passe doit contenir au moins 2 ..."), not what
the input holds.
"""

from __future__ import annotations

LANGUAGES = ("fr", "nl")
REQUEST_LANGUAGES = ("fr", "nl", "de", "en")
FALLBACK = {"de": "fr", "en": "fr"}

ERRORS = {
    "malformed_request": {
        "fr": "La demande envoyée au moteur est mal formée ({detail}) ; rien n'a été modifié.",
        "nl": "Het verzoek aan de motor is slecht gevormd ({detail}); er werd niets gewijzigd.",
    },
    "unknown_command": {
        "fr": "Cette action n'existe pas (« {command} ») ; rien n'a été modifié.",
        "nl": "Deze handeling bestaat niet ('{command}'); er werd niets gewijzigd.",
    },
    # the verb follows the field (MISSING below): "Indiquez le nom.", "Choisissez la procuration…"
    "missing_argument": {
        "fr": "Indiquez {label}.",
        "nl": "Vul {label} in.",
    },
    "wrong_type": {
        "fr": "{Label} doit être de type {expected}.",
        "nl": "{Label} moet van het type {expected} zijn.",
    },
    "unknown_argument": {
        "fr": "Cette action ne prévoit pas l'une des données envoyées ; rien n'a été modifié.",
        "nl": "Deze handeling verwacht een van de verstuurde gegevens niet; er werd niets gewijzigd.",
    },
    "invalid_field": {
        "fr": "{reason_text}",
        "nl": "{reason_text}",
    },
    "not_logged_in": {
        "fr": "Connectez-vous d'abord.",
        "nl": "Meld u eerst aan.",
    },
    "bad_credentials": {
        "fr": "Le nom d'utilisateur ou le mot de passe est incorrect.",
        "nl": "De gebruikersnaam of het wachtwoord is onjuist.",
    },
    "unknown_person": {
        "fr": "Aucune personne connue ne porte ce NISS. Avec la carte d'identité, donnez aussi le nom et le prénom lus sur la carte.",
        "nl": "Geen enkele gekende persoon heeft dit INSZ. Geef bij de identiteitskaart ook de naam en voornaam die op de kaart staan.",
    },
    "no_password": {
        "fr": "Ce compte n'a pas de mot de passe : connectez-vous avec votre carte d'identité électronique.",
        "nl": "Deze account heeft geen wachtwoord: meld u aan met uw elektronische identiteitskaart.",
    },
    "account_blocked": {
        "fr": "Ce compte est bloqué : tous ses profils sont bloqués. Adressez-vous à la personne qui gère vos accès.",
        "nl": "Deze account is geblokkeerd: al zijn profielen zijn geblokkeerd. Neem contact op met wie uw toegang beheert.",
    },
    "profile_blocked": {
        "fr": "Ce profil est bloqué : vous ne pouvez plus agir avec lui. Adressez-vous à la personne qui gère vos accès.",
        "nl": "Dit profiel is geblokkeerd: u kunt er niet meer mee werken. Neem contact op met wie uw toegang beheert.",
    },
    "profile_required": {
        "fr": "Choisissez d'abord un profil.",
        "nl": "Kies eerst een profiel.",
    },
    "not_your_profile": {
        "fr": "Ce profil n'est pas l'un des vôtres.",
        "nl": "Dit profiel is niet een van de uwe.",
    },
    "forbidden": {
        "fr": "{explanation}",
        "nl": "{explanation}",
    },
    "out_of_scope": {
        "fr": "{explanation}",
        "nl": "{explanation}",
    },
    "not_found": {
        "fr": "{entity} introuvable : cet élément n'existe pas ou plus.",
        "nl": "{entity} niet gevonden: dit element bestaat niet (meer).",
    },
    "wrong_target": {
        "fr": "Cette commande agit sur un rôle de type « {expected} », pas sur un rôle de type « {actual} ».",
        "nl": "Deze opdracht werkt op een rol van het type '{expected}', niet op een rol van het type '{actual}'.",
    },
    "already_has_role": {
        "fr": "Cette personne a déjà ce rôle à cet endroit.",
        "nl": "Deze persoon heeft deze rol hier al.",
    },
    "username_taken": {
        "fr": "Ce nom d'utilisateur est déjà pris.",
        "nl": "Deze gebruikersnaam is al in gebruik.",
    },
    "person_data_required": {
        "fr": "Cette personne est inconnue : donnez au moins son nom, son prénom et son adresse e-mail.",
        "nl": "Deze persoon is onbekend: geef minstens de naam, de voornaam en het e-mailadres.",
    },
    "already_registered": {
        "fr": "L'entreprise est déjà enregistrée : elle a son RAE.",
        "nl": "De onderneming is al geregistreerd: ze heeft haar VTE.",
    },
    "not_registered": {
        "fr": "L'entreprise n'est pas encore enregistrée : son représentant légal doit d'abord l'enregistrer et désigner le RAE.",
        "nl": "De onderneming is nog niet geregistreerd: haar wettelijke vertegenwoordiger moet ze eerst registreren en de VTE aanwijzen.",
    },
    "quality_already_active": {
        "fr": "Cette qualité est déjà active pour l'entreprise avec cet identifiant.",
        "nl": "Deze hoedanigheid is al actief voor de onderneming met deze identificatie.",
    },
    "identifier_mismatch": {
        "fr": "Pour cette qualité, l'identifiant est le numéro d'entreprise lui-même ({expected}).",
        "nl": "Voor deze hoedanigheid is de identificatie het ondernemingsnummer zelf ({expected}).",
    },
    "unknown_application": {
        "fr": "L'application « {application} » n'appartient pas à cette qualité.",
        "nl": "De toepassing '{application}' hoort niet bij deze hoedanigheid.",
    },
    "not_a_user_of_quality": {
        "fr": "L'utilisateur technique doit être un utilisateur actif de la qualité.",
        "nl": "De technische gebruiker moet een actieve gebruiker van de hoedanigheid zijn.",
    },
    "unknown_declaration": {
        "fr": "Le module de routage de cette qualité ne connaît pas la déclaration « {declaration} ».",
        "nl": "De routeringsmodule van deze hoedanigheid kent de aangifte '{declaration}' niet.",
    },
    "no_procuration": {
        "fr": "Aucune procuration ne désigne ce mandataire pour cette déclaration : le destinataire doit correspondre à une procuration signalée à la sécurité sociale.",
        "nl": "Geen enkele volmacht wijst deze mandataris aan voor deze aangifte: de bestemmeling moet overeenstemmen met een volmacht die aan de sociale zekerheid werd gemeld.",
    },
    "channel_not_registered": {
        "fr": "Ce canal n'est pas enregistré pour la qualité : choisissez l'e-Box ou un canal batch enregistré.",
        "nl": "Dit kanaal is niet geregistreerd voor de hoedanigheid: kies de e-Box of een geregistreerd batchkanaal.",
    },
    "channel_chosen_by_mandatary": {
        "fr": "Quand le destinataire est un mandataire, c'est lui qui choisit le canal : n'en indiquez pas.",
        "nl": "Als de bestemmeling een mandataris is, kiest die zelf het kanaal: geef er geen op.",
    },
    "wrong_password": {
        "fr": "Le mot de passe actuel est incorrect.",
        "nl": "Het huidige wachtwoord is onjuist.",
    },
    "confirmation_mismatch": {
        "fr": "La confirmation ne correspond pas à la première saisie.",
        "nl": "De bevestiging komt niet overeen met de eerste invoer.",
    },
    "certificate_dates": {
        "fr": "La date de fin de validité du certificat doit suivre sa date de début.",
        "nl": "De einddatum van het certificaat moet na de begindatum liggen.",
    },
    "certificate_expired": {
        "fr": "Ce certificat n'est plus valable (il a expiré le {valid_until}).",
        "nl": "Dit certificaat is niet meer geldig (het verliep op {valid_until}).",
    },
    "invitation_unusable": {
        "fr": "Cette invitation ou ce lien n'est plus utilisable : {status}.",
        "nl": "Deze uitnodiging of link is niet meer bruikbaar: {status}.",
    },
    "invitation_for_someone_else": {
        "fr": "Cette invitation a été envoyée pour une autre personne.",
        "nl": "Deze uitnodiging werd voor een andere persoon verstuurd.",
    },
    "deactivation_not_possible": {
        "fr": "Ce rôle ne se désactive pas sur demande : {explanation}",
        "nl": "Deze rol kan niet op aanvraag gedeactiveerd worden: {explanation}",
    },
    "already_in_status": {
        "fr": "Ce rôle est déjà dans cet état.",
        "nl": "Deze rol heeft die status al.",
    },
    "invalid_state": {
        "fr": "L'état importé n'est pas valable ({count} erreur(s)) ; le premier problème : {first}",
        "nl": "De geïmporteerde toestand is niet geldig ({count} fout(en)); het eerste probleem: {first}",
    },
    "internal_error": {
        "fr": "Erreur interne du moteur ({detail}) ; rien n'a été modifié.",
        "nl": "Interne fout van de motor ({detail}); er werd niets gewijzigd.",
    },
}

REASONS = {
    "type.string": {"fr": "{Label} doit être un texte.", "nl": "{Label} moet een tekst zijn."},
    "type.date": {"fr": "{Label} doit être une date au format AAAA-MM-JJ.", "nl": "{Label} moet een datum zijn in de vorm JJJJ-MM-DD."},
    "certificate.format": {
        "fr": "Ce fichier n'est pas un certificat X.509 : choisissez le fichier de votre certificat, au format PEM "
              "(texte qui commence par -----BEGIN CERTIFICATE-----) ou DER (binaire).",
        "nl": "Dit bestand is geen X.509-certificaat: kies het bestand van uw certificaat, in PEM-formaat (tekst die "
              "begint met -----BEGIN CERTIFICATE-----) of DER-formaat (binair).",
    },
    "certificate.pem_other": {
        "fr": "Ce fichier PEM contient « {label} », pas un certificat. Ne transmettez jamais une clé privée : "
              "seul le certificat est demandé.",
        "nl": "Dit PEM-bestand bevat '{label}', geen certificaat. Geef nooit een privésleutel door: alleen het "
              "certificaat wordt gevraagd.",
    },
    "certificate.size": {
        "fr": "Ce fichier est trop grand pour être un certificat (plus de {max} Ko).",
        "nl": "Dit bestand is te groot voor een certificaat (meer dan {max} kB).",
    },
    "certificate.empty": {"fr": "Ce fichier est vide.", "nl": "Dit bestand is leeg."},
    "certificate.encoding": {
        "fr": "Le contenu du fichier n'est pas arrivé en base64.",
        "nl": "De inhoud van het bestand kwam niet in base64 aan.",
    },
    "niss.format": {"fr": "Un NISS ne peut contenir que des chiffres.", "nl": "Een INSZ mag alleen cijfers bevatten."},
    "niss.length": {"fr": "Un NISS doit compter 11 chiffres.", "nl": "Een INSZ moet 11 cijfers tellen."},
    "niss.checksum": {
        "fr": "Les deux derniers chiffres du NISS ne correspondent pas au contrôle (97 moins le reste de la division par 97).",
        "nl": "De laatste twee cijfers van het INSZ kloppen niet met de controle (97 min de rest van de deling door 97).",
    },
    "niss.component": {
        "fr": "La date de naissance contenue dans le NISS n'existe pas.",
        "nl": "De geboortedatum in het INSZ bestaat niet.",
    },
    "enterprise_number.format": {"fr": "Un numéro d'entreprise ne peut contenir que des chiffres.", "nl": "Een ondernemingsnummer mag alleen cijfers bevatten."},
    "enterprise_number.length": {"fr": "Un numéro d'entreprise doit compter 10 chiffres.", "nl": "Een ondernemingsnummer moet 10 cijfers tellen."},
    "enterprise_number.component": {"fr": "Un numéro d'entreprise doit commencer par 0 ou 1.", "nl": "Een ondernemingsnummer moet met 0 of 1 beginnen."},
    "enterprise_number.checksum": {
        "fr": "Les deux derniers chiffres du numéro d'entreprise ne correspondent pas au contrôle modulo 97.",
        "nl": "De laatste twee cijfers van het ondernemingsnummer kloppen niet met de controle modulo 97.",
    },
    "onss_number.format": {"fr": "Un matricule ONSS ne peut contenir que des chiffres.", "nl": "Een RSZ-nummer mag alleen cijfers bevatten."},
    "onss_number.length": {
        "fr": "Un matricule ONSS doit compter 9 chiffres, sans le code de catégorie.",
        "nl": "Een RSZ-nummer moet 9 cijfers tellen, zonder de categoriecode.",
    },
    "onss_number.checksum": {
        "fr": "Ce matricule ONSS ne passe pas le contrôle : le nombre entier divisé par 97 doit laisser un reste de 96.",
        "nl": "Dit RSZ-nummer doorstaat de controle niet: het hele getal gedeeld door 97 moet een rest van 96 geven.",
    },
    "onss_number.component": {"fr": "Ce matricule ONSS n'est pas valable.", "nl": "Dit RSZ-nummer is niet geldig."},
    "digits.format": {"fr": "{Label} ne peut contenir que des chiffres.", "nl": "{Label} mag alleen cijfers bevatten."},
    "digits.length": {"fr": "{Label} doit compter de {min} à {max} chiffres.", "nl": "{Label} moet {min} tot {max} cijfers tellen."},
    "number.minimum": {"fr": "{Label} doit être un nombre d'au moins {min}.", "nl": "{Label} moet een getal van minstens {min} zijn."},
    "number.range": {"fr": "{Label} doit être un nombre de {min} à {max}.", "nl": "{Label} moet een getal van {min} tot {max} zijn."},
    "text.empty": {"fr": "{Label} est obligatoire.", "nl": "{Label} is verplicht."},
    "text.too_long": {"fr": "{Label} ne peut pas dépasser {max} caractères.", "nl": "{Label} mag niet langer zijn dan {max} tekens."},
    "text.control": {
        "fr": "{Label} ne peut pas contenir de caractères de contrôle (tabulation, retour à la ligne…).",
        "nl": "{Label} mag geen stuurtekens bevatten (tab, regeleinde…).",
    },
    "email.format": {
        "fr": "Une adresse e-mail doit avoir la forme nom@domaine.be, sans espace.",
        "nl": "Een e-mailadres moet de vorm naam@domein.be hebben, zonder spaties.",
    },
    "username.spaces": {"fr": "Le nom d'utilisateur ne peut pas contenir d'espace.", "nl": "De gebruikersnaam mag geen spaties bevatten."},
    "username.characters": {
        "fr": "Le nom d'utilisateur ne peut contenir que des lettres a-z et des chiffres 0-9 (refusé : {characters}).",
        "nl": "De gebruikersnaam mag alleen letters a-z en cijfers 0-9 bevatten (geweigerd: {characters}).",
    },
    "username.length": {
        "fr": "Le nom d'utilisateur doit compter de {min} à {max} caractères.",
        "nl": "De gebruikersnaam moet {min} tot {max} tekens tellen.",
    },
    "password.spaces": {"fr": "Le mot de passe ne peut pas contenir d'espace.", "nl": "Het wachtwoord mag geen spaties bevatten."},
    "password.characters": {
        "fr": "Le mot de passe ne peut contenir que des lettres, des chiffres et ces caractères spéciaux : {specials} "
              "(refusé : {characters}).",
        "nl": "Het wachtwoord mag alleen letters, cijfers en deze speciale tekens bevatten: {specials} "
              "(geweigerd: {characters}).",
    },
    "password.length": {
        "fr": "Le mot de passe doit compter de {min} à {max} caractères.",
        "nl": "Het wachtwoord moet {min} tot {max} tekens tellen.",
    },
    "password.non_letters": {
        "fr": "Le mot de passe doit contenir au moins {min} caractères qui ne sont pas des lettres (chiffres ou caractères spéciaux).",
        "nl": "Het wachtwoord moet minstens {min} tekens bevatten die geen letter zijn (cijfers of speciale tekens).",
    },
    "password.same": {
        "fr": "Le nouveau mot de passe doit être différent du mot de passe actuel.",
        "nl": "Het nieuwe wachtwoord moet verschillen van het huidige wachtwoord.",
    },
    "choice.unknown": {
        "fr": "Choisissez {label} parmi les choix proposés : {choices}.",
        "nl": "Kies {label} uit de voorgestelde keuzes: {choices}.",
    },
    "person.self": {
        "fr": "Vous ne pouvez pas vous désigner vous-même ici : donnez le NISS d'une autre personne.",
        "nl": "U kunt uzelf hier niet aanwijzen: geef het INSZ van een andere persoon.",
    },
}

# The fields a message may name, by argument (the last part of a dotted field: gl.niss -> niss),
# as a sentence names them (with their article) and the verb that asks for them when missing.
FIELD_LABELS = {
    "address": {"fr": "l'adresse du canal", "nl": "het adres van het kanaal", "verb": "give"},
    "application": {"fr": "l'application sécurisée", "nl": "de beveiligde toepassing", "verb": "choose"},
    "applications": {"fr": "les applications sécurisées", "nl": "de beveiligde toepassingen", "verb": "choose"},
    "args": {"fr": "les données de la demande", "nl": "de gegevens van het verzoek", "verb": "give"},
    "channel": {"fr": "le canal de transmission", "nl": "het transmissiekanaal", "verb": "choose"},
    "co_rae": {"fr": "le co-RAE", "nl": "de co-VTE", "verb": "give"},
    "code": {"fr": "le code de l'invitation", "nl": "de code van de uitnodiging", "verb": "give"},
    "command": {"fr": "l'action demandée", "nl": "de gevraagde handeling", "verb": "give"},
    "confirmation": {"fr": "la confirmation du nouveau mot de passe", "nl": "de bevestiging van het nieuwe wachtwoord", "verb": "give"},
    "current": {"fr": "le mot de passe actuel", "nl": "het huidige wachtwoord", "verb": "give"},
    "data": {"fr": "le fichier du certificat", "nl": "het certificaatbestand", "verb": "choose"},
    "dataset": {"fr": "le jeu de données", "nl": "de gegevensset", "verb": "choose"},
    "declaration": {"fr": "la déclaration", "nl": "de aangifte", "verb": "choose"},
    "effect": {"fr": "le genre d'action", "nl": "het soort handeling", "verb": "choose"},
    "email": {"fr": "l'adresse e-mail", "nl": "het e-mailadres", "verb": "give"},
    "enterprise": {"fr": "l'entreprise", "nl": "de onderneming", "verb": "choose"},
    "field": {"fr": "le champ à vérifier", "nl": "het te controleren veld", "verb": "choose"},
    "fields": {"fr": "les données de la qualité", "nl": "de gegevens van de hoedanigheid", "verb": "give"},
    "first_name": {"fr": "le prénom", "nl": "de voornaam", "verb": "give"},
    "gl": {"fr": "le Gestionnaire Local", "nl": "de lokale beheerder", "verb": "choose"},
    "grant": {"fr": "les applications à donner", "nl": "de toe te kennen toepassingen", "verb": "choose"},
    "id": {"fr": "le numéro de la demande", "nl": "het nummer van het verzoek", "verb": "give"},
    "identifier": {"fr": "l'identifiant de la qualité", "nl": "de identificatie van de hoedanigheid", "verb": "give"},
    "invitation": {"fr": "l'invitation ou le lien", "nl": "de uitnodiging of link", "verb": "choose"},
    "issuer": {"fr": "l'émetteur du certificat", "nl": "de uitgever van het certificaat", "verb": "give"},
    "kind": {"fr": "le type", "nl": "het soort", "verb": "choose"},
    "lang": {"fr": "la langue de la demande", "nl": "de taal van het verzoek", "verb": "choose"},
    "language": {"fr": "la langue", "nl": "de taal", "verb": "choose"},
    "legal_representatives": {"fr": "les représentants légaux", "nl": "de wettelijke vertegenwoordigers", "verb": "give"},
    "limit": {"fr": "le nombre d'entrées", "nl": "het aantal items", "verb": "give"},
    "local_email": {"fr": "l'adresse e-mail locale", "nl": "het lokale e-mailadres", "verb": "give"},
    "method": {"fr": "le moyen de connexion", "nl": "de aanmeldingswijze", "verb": "choose"},
    "name": {"fr": "le nom", "nl": "de naam", "verb": "give"},
    "new": {"fr": "le nouveau mot de passe", "nl": "het nieuwe wachtwoord", "verb": "give"},
    "niss": {"fr": "le NISS", "nl": "het INSZ", "verb": "give"},
    "number": {"fr": "le numéro d'entreprise", "nl": "het ondernemingsnummer", "verb": "give"},
    "page": {"fr": "la page", "nl": "de pagina", "verb": "choose"},
    "page_size": {"fr": "le nombre de lignes par page", "nl": "het aantal regels per pagina", "verb": "choose"},
    "password": {"fr": "le mot de passe", "nl": "het wachtwoord", "verb": "give"},
    "person": {"fr": "la personne", "nl": "de persoon", "verb": "give"},
    "procuration": {"fr": "la procuration du mandataire", "nl": "de volmacht van de mandataris", "verb": "choose"},
    "profile": {"fr": "le profil", "nl": "het profiel", "verb": "choose"},
    "quality": {"fr": "la qualité", "nl": "de hoedanigheid", "verb": "choose"},
    "rae": {"fr": "le RAE", "nl": "de VTE", "verb": "give"},
    "recipient": {"fr": "le destinataire", "nl": "de bestemmeling", "verb": "choose"},
    "role": {"fr": "la personne visée", "nl": "de betrokken persoon", "verb": "choose"},
    "roles": {"fr": "les rôles", "nl": "de rollen", "verb": "choose"},
    "seed": {"fr": "le numéro de tirage", "nl": "het trekkingsnummer", "verb": "give"},
    "self": {"fr": "le choix de vous désigner vous-même", "nl": "de keuze om uzelf aan te wijzen", "verb": "choose"},
    "serial": {"fr": "le numéro de série", "nl": "het serienummer", "verb": "give"},
    "session": {"fr": "la session", "nl": "de sessie", "verb": "give"},
    "state": {"fr": "l'état de la démo", "nl": "de toestand van de demo", "verb": "choose"},
    "status": {"fr": "le statut", "nl": "de status", "verb": "choose"},
    "subject": {"fr": "le sujet du certificat", "nl": "het onderwerp van het certificaat", "verb": "give"},
    "title": {"fr": "le titre", "nl": "de titel", "verb": "give"},
    "to": {"fr": "le destinataire du courrier", "nl": "de geadresseerde", "verb": "give"},
    "type": {"fr": "le type de qualité", "nl": "de soort hoedanigheid", "verb": "choose"},
    "username": {"fr": "le nom d'utilisateur", "nl": "de gebruikersnaam", "verb": "give"},
    "users": {"fr": "le nombre d'utilisateurs", "nl": "het aantal gebruikers", "verb": "give"},
    "valid_from": {"fr": "le début de validité", "nl": "het begin van de geldigheid", "verb": "give"},
    "valid_until": {"fr": "la fin de validité", "nl": "het einde van de geldigheid", "verb": "give"},
    "value": {"fr": "la valeur à vérifier", "nl": "de te controleren waarde", "verb": "give"},
    "withdraw": {"fr": "les applications à retirer", "nl": "de in te trekken toepassingen", "verb": "choose"},
}

# A quality's own fields (data/qualities.json) are named by their label on the screen.
QUALITY_FIELD = {"fr": "le champ « {name} »", "nl": "het veld '{name}'"}
FALLBACK_LABEL = {"fr": "une des données", "nl": "een van de gegevens"}

MISSING = {
    "give": {"fr": "Indiquez {label}.", "nl": "Vul {label} in."},
    "choose": {"fr": "Choisissez {label}.", "nl": "Kies {label}."},
}

LANGUAGE_NAMES = {
    "fr": {"fr": "français", "nl": "néerlandais", "de": "allemand", "en": "anglais"},
    "nl": {"fr": "Frans", "nl": "Nederlands", "de": "Duits", "en": "Engels"},
}


def language_names() -> dict:
    """The languages a person may choose, named in each message language (a per-language parameter)."""
    return {lang: ", ".join(names.values()) for lang, names in LANGUAGE_NAMES.items()}


INVITATION_STATUS = {
    "expired": {"fr": "elle a expiré", "nl": "ze is verlopen"},
    "withdrawn": {"fr": "elle a été retirée", "nl": "ze werd ingetrokken"},
    "accepted": {"fr": "elle a déjà été acceptée", "nl": "ze werd al aanvaard"},
}

ENTITIES = {
    "person": {"fr": "Personne", "nl": "Persoon"},
    "role": {"fr": "Rôle", "nl": "Rol"},
    "enterprise": {"fr": "Entreprise", "nl": "Onderneming"},
    "quality": {"fr": "Qualité", "nl": "Hoedanigheid"},
    "quality_type": {"fr": "Type de qualité", "nl": "Soort hoedanigheid"},
    "invitation": {"fr": "Invitation ou lien", "nl": "Uitnodiging of link"},
    "channel": {"fr": "Canal batch", "nl": "Batchkanaal"},
    "procuration": {"fr": "Procuration", "nl": "Volmacht"},
    "session": {"fr": "Session", "nl": "Sessie"},
}

TYPES = {
    "string": {"fr": "texte", "nl": "tekst"},
    "integer": {"fr": "nombre entier", "nl": "geheel getal"},
    "boolean": {"fr": "vrai/faux", "nl": "waar/onwaar"},
    "object": {"fr": "objet", "nl": "object"},
    "string_list": {"fr": "liste de textes", "nl": "lijst van teksten"},
    "object_list": {"fr": "liste d'objets", "nl": "lijst van objecten"},
}

# Mails of the in-memory outbox, in both languages (the recipient's language is not always known).
MAILS = {
    "invitation": {
        "subject": {"fr": "Invitation à un rôle : {quality}", "nl": "Uitnodiging voor een rol: {quality}"},
        "body": {
            "fr": "Bonjour,\n\n{manager} vous invite à un rôle d'utilisateur dans la qualité {quality} de {enterprise}. "
                  "Connectez-vous et acceptez l'invitation avec le code {code} avant le {expires}.",
            "nl": "Goeddag,\n\n{manager} nodigt u uit voor een gebruikersrol in de hoedanigheid {quality} van {enterprise}. "
                  "Meld u aan en aanvaard de uitnodiging met de code {code} vóór {expires}.",
        },
    },
    "deactivation_request": {
        "subject": {"fr": "Rôle désactivé à la demande de {person}", "nl": "Rol gedeactiveerd op vraag van {person}"},
        "body": {
            "fr": "Bonjour,\n\n{person} a demandé la désactivation de son rôle « {role} » dans la qualité {quality}. Le rôle est désactivé.",
            "nl": "Goeddag,\n\n{person} vroeg de deactivering van zijn rol '{role}' in de hoedanigheid {quality}. De rol is gedeactiveerd.",
        },
    },
    "rae_designated": {
        "subject": {"fr": "Vous êtes RAE de {enterprise}", "nl": "U bent VTE van {enterprise}"},
        "body": {
            "fr": "Bonjour,\n\nVous avez été désigné Responsable Accès Entreprise de {enterprise}. Votre nom d'utilisateur : {username}.",
            "nl": "Goeddag,\n\nU werd aangewezen als Verantwoordelijke Toegang Entiteit van {enterprise}. Uw gebruikersnaam: {username}.",
        },
    },
    "co_rae_designated": {
        "subject": {"fr": "Vous êtes co-RAE de {enterprise}", "nl": "U bent co-VTE van {enterprise}"},
        "body": {
            "fr": "Bonjour,\n\nVous avez été désigné co-Responsable Accès Entreprise de {enterprise}. Votre nom d'utilisateur : {username}.",
            "nl": "Goeddag,\n\nU werd aangewezen als co-Verantwoordelijke Toegang Entiteit van {enterprise}. Uw gebruikersnaam: {username}.",
        },
    },
}


def language(lang: str) -> str:
    """The language a message is written in for a request language."""
    return FALLBACK.get(lang, lang if lang in LANGUAGES else "fr")


def field_label(field: str | None, lang: str) -> str:
    """How a sentence names a field in `lang`: "la procuration du mandataire", "le champ « Numéro
    d'agrément »"; never the argument id."""
    lang = language(lang)
    if not field:
        return FALLBACK_LABEL[lang]
    if field.startswith("fields.") and field.count(".") == 1:
        from . import catalogue

        for qtype in catalogue.quality_types().values():
            for spec in qtype["fields"]:
                if spec["id"] == field[len("fields."):]:
                    return QUALITY_FIELD[lang].format(name=spec[lang])
    leaf = field.rsplit(".", 1)[-1]
    entry = FIELD_LABELS.get(leaf)
    return entry[lang] if entry else FALLBACK_LABEL[lang]


def _values(params: dict, lang: str, field: str | None) -> dict:
    out = {k: (v[lang] if isinstance(v, dict) and lang in v else v) for k, v in params.items()}
    label = field_label(field, lang)
    out.setdefault("label", label)
    out.setdefault("Label", label[:1].upper() + label[1:])
    return out


def _fill(template: str, values: dict) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        # A template field the caller did not fill must not turn a refusal into a crash; the
        # test over every code and reason makes sure none is left in practice.
        return template


def render(code: str, lang: str, params: dict, field: str | None = None) -> str:
    lang = language(lang)
    template = ERRORS.get(code, ERRORS["internal_error"])[lang]
    if code == "missing_argument":
        leaf = (field or "").rsplit(".", 1)[-1]
        verb = FIELD_LABELS.get(leaf, {}).get("verb", "give")
        if (field or "").startswith("fields."):
            verb = "give"
        template = MISSING[verb][lang]
    return _fill(template, _values(params, lang, field))


def reason_text(reason: str, lang: str, params: dict, field: str | None = None) -> str:
    entry = REASONS.get(reason)
    if entry is None:
        return render("internal_error", lang, {"detail": reason})
    return _fill(entry[language(lang)], _values(params, language(lang), field))


def entity(name: str, lang: str) -> str:
    return ENTITIES.get(name, {}).get(language(lang), name)


def type_name(name: str, lang: str) -> str:
    return TYPES.get(name, {}).get(language(lang), name)


def mail(kind: str, params: dict) -> dict:
    """Subject and body of an outbox mail in both languages."""
    template = MAILS[kind]

    def values(lang):  # a parameter may itself be given per language ({"fr": ..., "nl": ...})
        return {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}

    return {part: {lang: template[part][lang].format(**values(lang)) for lang in LANGUAGES} for part in ("subject", "body")}


# --- Bounded requests and checked states (issue 16): kept in one block ------------------------

BOUNDS_ERRORS = {
    "request_too_large": {
        "fr": "La demande est trop grande pour le moteur de la démo (plus de {max} caractères) ; rien n'a été modifié.",
        "nl": "Het verzoek is te groot voor de motor van de demo (meer dan {max} tekens); er werd niets gewijzigd.",
    },
    "request_too_deep": {
        "fr": "La demande contient des données imbriquées sur plus de {max} niveaux : ce n'est pas ce que la démo "
              "produit ; rien n'a été modifié.",
        "nl": "Het verzoek bevat gegevens die meer dan {max} niveaus diep genest zijn: dat maakt de demo niet; er "
              "werd niets gewijzigd.",
    },
}
ERRORS.update(BOUNDS_ERRORS)

# The faults of a refused state (state.problems), one sentence each, said of the value at a path
# (a fault that is also a field's, such as number.range or niss.checksum, takes its REASONS text).
STATE_PROBLEMS = {
    "state.type": {"fr": "Cette donnée doit être de type {expected}.", "nl": "Dit gegeven moet van het type {expected} zijn."},
    "state.type_or_null": {"fr": "Cette donnée doit être vide ou de type {expected}.",
                           "nl": "Dit gegeven moet leeg of van het type {expected} zijn."},
    "state.missing": {"fr": "Cette donnée manque.", "nl": "Dit gegeven ontbreekt."},
    "state.unknown_field": {"fr": "Cette donnée n'a pas sa place dans un état de la démo.",
                            "nl": "Dit gegeven hoort niet in een toestand van de demo."},
    "state.too_long": {"fr": "Ce texte dépasse {max} caractères.", "nl": "Deze tekst is langer dan {max} tekens."},
    "state.too_many": {"fr": "Il y a plus de {max} éléments ici.", "nl": "Hier staan meer dan {max} elementen."},
    "state.choice": {"fr": "Cette valeur ne fait pas partie des valeurs possibles : {choices}.",
                     "nl": "Deze waarde hoort niet bij de mogelijke waarden: {choices}."},
    "state.id": {"fr": "Cet identifiant ne convient pas : de 1 à 100 lettres, chiffres, points ou tirets, sans nom réservé.",
                 "nl": "Deze identificatie past niet: 1 tot 100 letters, cijfers, punten of streepjes, geen gereserveerde naam."},
    "state.id_differs": {"fr": "L'identifiant diffère de celui sous lequel la fiche est rangée.",
                         "nl": "De identificatie verschilt van die waaronder de fiche bewaard is."},
    "state.command": {"fr": "Ce n'est pas un nom de commande du moteur.", "nl": "Dit is geen naam van een opdracht van de motor."},
    "state.moment": {"fr": "Une date et une heure au format ISO (AAAA-MM-JJTHH:MM:SS) sont attendues.",
                     "nl": "Een datum en een uur in ISO-vorm (JJJJ-MM-DDTUU:MM:SS) worden verwacht."},
    "state.password": {"fr": "Ce n'est pas l'empreinte d'un mot de passe : la démo ne garde jamais un mot de passe en clair.",
                       "nl": "Dit is geen vingerafdruk van een wachtwoord: de demo bewaart nooit een wachtwoord in klare tekst."},
    "state.schema": {"fr": "Ce n'est pas un état du moteur de la démo.", "nl": "Dit is geen toestand van de motor van de demo."},
    "state.version": {"fr": "Cet état est de la version {found} ; la démo lit la version {expected}.",
                      "nl": "Deze toestand is van versie {found}; de demo leest versie {expected}."},
    "state.reference": {"fr": "Renvoie à {entity} qui n'existe pas : « {id} ».",
                        "nl": "Verwijst naar {entity} die niet bestaat: '{id}'."},
    "state.enterprise_role_quality": {"fr": "Un rôle au niveau de l'entreprise n'a pas de qualité.",
                                      "nl": "Een rol op het niveau van de onderneming heeft geen hoedanigheid."},
    "state.quality_elsewhere": {"fr": "Cette qualité appartient à une autre entreprise.",
                                "nl": "Deze hoedanigheid hoort bij een andere onderneming."},
    "state.applications_outside": {"fr": "Des applications n'appartiennent pas à la qualité du rôle.",
                                   "nl": "Sommige toepassingen horen niet bij de hoedanigheid van de rol."},
    "state.applications_not_user": {"fr": "Seuls les rôles d'utilisateur reçoivent des applications.",
                                    "nl": "Alleen gebruikersrollen krijgen toepassingen."},
    "state.not_blockable": {"fr": "Ce rôle ne peut pas être bloqué.", "nl": "Deze rol kan niet geblokkeerd worden."},
    "state.duplicate_role": {"fr": "Cette personne a deux fois le même rôle au même endroit.",
                             "nl": "Deze persoon heeft tweemaal dezelfde rol op dezelfde plaats."},
    "state.gl_and_co_gl": {"fr": "Le GL d'une qualité n'en est pas aussi co-GL.",
                           "nl": "De lokale beheerder van een hoedanigheid is er niet ook co-beheerder van."},
    "state.rae_count": {"fr": "Une entreprise enregistrée a exactement un RAE (ici : {count}).",
                        "nl": "Een geregistreerde onderneming heeft precies één VTE (hier: {count})."},
    "state.unregistered_rae": {"fr": "Une entreprise pas encore enregistrée n'a pas de RAE.",
                               "nl": "Een nog niet geregistreerde onderneming heeft geen VTE."},
    "state.quality_unregistered": {"fr": "Cette qualité n'appartient à aucune entreprise enregistrée.",
                                   "nl": "Deze hoedanigheid hoort bij geen enkele geregistreerde onderneming."},
    "state.gl_count": {"fr": "Une qualité a exactement un GL (ici : {count}).",
                       "nl": "Een hoedanigheid heeft precies één lokale beheerder (hier: {count})."},
    "state.technical_user": {"fr": "L'utilisateur technique n'est pas un utilisateur de cette qualité.",
                             "nl": "De technische gebruiker is geen gebruiker van deze hoedanigheid."},
    "state.routing_channel": {"fr": "Le routage de « {declaration} » utilise un canal non enregistré.",
                              "nl": "De routering van '{declaration}' gebruikt een niet-geregistreerd kanaal."},
    "state.routing_procuration": {"fr": "Le routage de « {declaration} » renvoie à une procuration inconnue.",
                                  "nl": "De routering van '{declaration}' verwijst naar een onbekende volmacht."},
    "state.procuration_declaration": {"fr": "La procuration choisie pour « {declaration} » ne couvre pas cette déclaration.",
                                      "nl": "De gekozen volmacht voor '{declaration}' dekt die aangifte niet."},
    "state.niss_twice": {"fr": "Ce NISS est déjà celui d'une autre personne ({other}).",
                         "nl": "Dit INSZ is al dat van een andere persoon ({other})."},
    "state.username_twice": {"fr": "Ce nom d'utilisateur est déjà celui d'une autre personne ({other}).",
                             "nl": "Deze gebruikersnaam is al die van een andere persoon ({other})."},
    "state.session_profile": {"fr": "Le profil de cette session n'est pas l'un des rôles de la personne.",
                              "nl": "Het profiel van deze sessie is niet een van de rollen van de persoon."},
    "state.journal_sequence": {"fr": "Les entrées du journal ne sont pas numérotées 1, 2, 3…",
                               "nl": "De regels van het logboek zijn niet genummerd 1, 2, 3…"},
}


def state_problem(fault: dict, lang: str) -> str:
    """The words of one fault of a refused state (a reason of REASONS for a bad identifier)."""
    params = dict(fault.get("params") or {})
    code = fault["problem"]
    if code == "state.type":
        if params.get("null"):
            code = "state.type_or_null"
        params["expected"] = type_name(params.get("expected", "object"), lang)
    if code == "state.reference":
        params["entity"] = entity(params.get("entity", ""), lang)
    entry = STATE_PROBLEMS.get(code)
    if entry is None:
        return reason_text(code, lang, params)
    try:
        return entry[language(lang)].format(**params)
    except (KeyError, IndexError):
        return entry[language(lang)]
