"""Every sentence the engine says, in each language of LANGUAGES (French, Dutch, German). A
language is data: adding one means adding its text to every table of this module (and to
policy.json, qualities.json and the command catalogue); tests/test_messages.py renders every
entry in every language of LANGUAGES. English requests get the French text (FALLBACK: the sources
give no English wording to follow); the response says which language it used.

Templates use str.format fields filled from the error's parameters; a parameter may be given per
language ({"fr": ..., "nl": ..., "de": ...}). `{label}` names the field at fault as the object of
a verb ("Indiquez le nom.", "Geben Sie den Namen an.") and `{Label}` names it as the subject that
opens a sentence ("Le nom doit…", "Der Name muss…"), by its label in the reader's language
(FIELD_LABELS), never by its argument id. A label is one text, or {"subject", "object"} in a
language whose articles decline (German masculine: "der Name" / "den Namen").
Messages state the rule the input breaks ("Le mot de passe doit contenir au moins 2 ..."), not what
the input holds.
"""

from __future__ import annotations

LANGUAGES = ("fr", "nl", "de")
DEFAULT = "fr"
REQUEST_LANGUAGES = ("fr", "nl", "de", "en")
FALLBACK = {"en": DEFAULT}

ERRORS = {
    "malformed_request": {
        "fr": "La demande envoyée au moteur est mal formée ({detail}) ; rien n'a été modifié.",
        "nl": "Het verzoek aan de motor is slecht gevormd ({detail}); er werd niets gewijzigd.",
        "de": "Die Anfrage an die Demo ist fehlerhaft aufgebaut ({detail}); es wurde nichts geändert.",
    },
    "unknown_command": {
        "fr": "Cette action n'existe pas (« {command} ») ; rien n'a été modifié.",
        "nl": "Deze handeling bestaat niet ('{command}'); er werd niets gewijzigd.",
        "de": "Diese Aktion gibt es nicht („{command}“); es wurde nichts geändert.",
    },
    # the verb follows the field (MISSING below): "Indiquez le nom.", "Choisissez la procuration…"
    "missing_argument": {
        "fr": "Indiquez {label}.",
        "nl": "Vul {label} in.",
        "de": "Geben Sie {label} an.",
    },
    "wrong_type": {
        "fr": "{Label} doit être de type {expected}.",
        "nl": "{Label} moet van het type {expected} zijn.",
        "de": "{Label} muss vom Typ {expected} sein.",
    },
    "unknown_argument": {
        "fr": "Cette action ne prévoit pas l'une des données envoyées ; rien n'a été modifié.",
        "nl": "Deze handeling verwacht een van de verstuurde gegevens niet; er werd niets gewijzigd.",
        "de": "Diese Aktion sieht eine der gesendeten Angaben nicht vor; es wurde nichts geändert.",
    },
    "invalid_field": {
        "fr": "{reason_text}",
        "nl": "{reason_text}",
        "de": "{reason_text}",
    },
    "not_logged_in": {
        "fr": "Connectez-vous d'abord.",
        "nl": "Meld u eerst aan.",
        "de": "Melden Sie sich zuerst an.",
    },
    "bad_credentials": {
        "fr": "Le nom d'utilisateur ou le mot de passe est incorrect.",
        "nl": "De gebruikersnaam of het wachtwoord is onjuist.",
        "de": "Der Benutzername oder das Passwort ist falsch.",
    },
    "unknown_person": {
        "fr": "Aucune personne connue ne porte ce NISS. Avec la carte d'identité, donnez aussi le nom et le prénom lus sur la carte.",
        "nl": "Geen enkele gekende persoon heeft dit INSZ. Geef bij de identiteitskaart ook de naam en voornaam die op de kaart staan.",
        "de": "Keine bekannte Person hat diese ENSS. Geben Sie beim Personalausweis auch den Namen und den Vornamen an, die auf der Karte stehen.",
    },
    "no_password": {
        "fr": "Ce compte n'a pas de mot de passe : connectez-vous avec votre carte d'identité électronique.",
        "nl": "Deze account heeft geen wachtwoord: meld u aan met uw elektronische identiteitskaart.",
        "de": "Dieses Konto hat kein Passwort: Melden Sie sich mit Ihrem elektronischen Personalausweis an.",
    },
    "account_blocked": {
        "fr": "Ce compte est bloqué : tous ses profils sont bloqués. Adressez-vous à la personne qui gère vos accès.",
        "nl": "Deze account is geblokkeerd: al zijn profielen zijn geblokkeerd. Neem contact op met wie uw toegang beheert.",
        "de": "Dieses Konto ist gesperrt: Alle seine Profile sind gesperrt. Wenden Sie sich an die Person, die Ihre Zugänge verwaltet.",
    },
    "profile_blocked": {
        "fr": "Ce profil est bloqué : vous ne pouvez plus agir avec lui. Adressez-vous à la personne qui gère vos accès.",
        "nl": "Dit profiel is geblokkeerd: u kunt er niet meer mee werken. Neem contact op met wie uw toegang beheert.",
        "de": "Dieses Profil ist gesperrt: Sie können damit nicht mehr arbeiten. Wenden Sie sich an die Person, die Ihre Zugänge verwaltet.",
    },
    "profile_required": {
        "fr": "Choisissez d'abord un profil.",
        "nl": "Kies eerst een profiel.",
        "de": "Wählen Sie zuerst ein Profil.",
    },
    "not_your_profile": {
        "fr": "Ce profil n'est pas l'un des vôtres.",
        "nl": "Dit profiel is niet een van de uwe.",
        "de": "Dieses Profil gehört nicht zu Ihren Profilen.",
    },
    "forbidden": {
        "fr": "{explanation}",
        "nl": "{explanation}",
        "de": "{explanation}",
    },
    "out_of_scope": {
        "fr": "{explanation}",
        "nl": "{explanation}",
        "de": "{explanation}",
    },
    "not_found": {
        "fr": "{entity} introuvable : cet élément n'existe pas ou plus.",
        "nl": "{entity} niet gevonden: dit element bestaat niet (meer).",
        "de": "{entity} nicht gefunden: Dieses Element gibt es nicht (mehr).",
    },
    "wrong_target": {
        "fr": "Cette commande agit sur un rôle de type « {expected} », pas sur un rôle de type « {actual} ».",
        "nl": "Deze opdracht werkt op een rol van het type '{expected}', niet op een rol van het type '{actual}'.",
        "de": "Diese Aktion betrifft eine Rolle vom Typ „{expected}“, nicht eine Rolle vom Typ „{actual}“.",
    },
    "already_has_role": {
        "fr": "Cette personne a déjà ce rôle à cet endroit.",
        "nl": "Deze persoon heeft deze rol hier al.",
        "de": "Diese Person hat diese Rolle hier bereits.",
    },
    "username_taken": {
        "fr": "Ce nom d'utilisateur est déjà pris.",
        "nl": "Deze gebruikersnaam is al in gebruik.",
        "de": "Dieser Benutzername ist bereits vergeben.",
    },
    "person_data_required": {
        "fr": "Cette personne est inconnue : donnez au moins son nom, son prénom et son adresse e-mail.",
        "nl": "Deze persoon is onbekend: geef minstens de naam, de voornaam en het e-mailadres.",
        "de": "Diese Person ist unbekannt: Geben Sie mindestens ihren Namen, ihren Vornamen und ihre E-Mail-Adresse an.",
    },
    "already_registered": {
        "fr": "L'entreprise est déjà enregistrée : elle a son RAE.",
        "nl": "De onderneming is al geregistreerd: ze heeft haar VTE.",
        "de": "Das Unternehmen ist bereits registriert: Es hat seinen VZU.",
    },
    "not_registered": {
        "fr": "L'entreprise n'est pas encore enregistrée : son représentant légal doit d'abord l'enregistrer et désigner le RAE.",
        "nl": "De onderneming is nog niet geregistreerd: haar wettelijke vertegenwoordiger moet ze eerst registreren en de VTE aanwijzen.",
        "de": "Das Unternehmen ist noch nicht registriert: Sein gesetzlicher Vertreter muss es zuerst registrieren und den VZU benennen.",
    },
    "quality_already_active": {
        "fr": "Cette qualité est déjà active pour l'entreprise avec cet identifiant.",
        "nl": "Deze hoedanigheid is al actief voor de onderneming met deze identificatie.",
        "de": "Diese Eigenschaft ist für das Unternehmen mit dieser Kennung bereits aktiviert.",
    },
    "identifier_mismatch": {
        "fr": "Pour cette qualité, l'identifiant est le numéro d'entreprise lui-même ({expected}).",
        "nl": "Voor deze hoedanigheid is de identificatie het ondernemingsnummer zelf ({expected}).",
        "de": "Für diese Eigenschaft ist die Kennung die Unternehmensnummer selbst ({expected}).",
    },
    "unknown_application": {
        "fr": "L'application « {application} » n'appartient pas à cette qualité.",
        "nl": "De toepassing '{application}' hoort niet bij deze hoedanigheid.",
        "de": "Die Anwendung „{application}“ gehört nicht zu dieser Eigenschaft.",
    },
    "not_a_user_of_quality": {
        "fr": "L'utilisateur technique doit être un utilisateur actif de la qualité.",
        "nl": "De technische gebruiker moet een actieve gebruiker van de hoedanigheid zijn.",
        "de": "Der technische Benutzer muss ein aktiver Benutzer der Eigenschaft sein.",
    },
    "unknown_declaration": {
        "fr": "Le module de routage de cette qualité ne connaît pas la déclaration « {declaration} ».",
        "nl": "De routeringsmodule van deze hoedanigheid kent de aangifte '{declaration}' niet.",
        "de": "Das Routing-Modul dieser Eigenschaft kennt die Meldung „{declaration}“ nicht.",
    },
    "no_procuration": {
        "fr": "Aucune procuration ne désigne ce mandataire pour cette déclaration : le destinataire doit correspondre à une procuration signalée à la sécurité sociale.",
        "nl": "Geen enkele volmacht wijst deze mandataris aan voor deze aangifte: de bestemmeling moet overeenstemmen met een volmacht die aan de sociale zekerheid werd gemeld.",
        "de": "Keine Vollmacht benennt diesen Bevollmächtigten für diese Meldung: Der Empfänger muss einer Vollmacht entsprechen, die der sozialen Sicherheit gemeldet wurde.",
    },
    "channel_not_registered": {
        "fr": "Ce canal n'est pas enregistré pour la qualité : choisissez l'e-Box ou un canal batch enregistré.",
        "nl": "Dit kanaal is niet geregistreerd voor de hoedanigheid: kies de e-Box of een geregistreerd batchkanaal.",
        "de": "Dieser Kanal ist für die Eigenschaft nicht registriert: Wählen Sie die e-Box oder einen registrierten Batch-Kanal.",
    },
    "channel_chosen_by_mandatary": {
        "fr": "Quand le destinataire est un mandataire, c'est lui qui choisit le canal : n'en indiquez pas.",
        "nl": "Als de bestemmeling een mandataris is, kiest die zelf het kanaal: geef er geen op.",
        "de": "Ist der Empfänger ein Bevollmächtigter, wählt er den Kanal selbst: Geben Sie keinen an.",
    },
    "wrong_password": {
        "fr": "Le mot de passe actuel est incorrect.",
        "nl": "Het huidige wachtwoord is onjuist.",
        "de": "Das aktuelle Passwort ist falsch.",
    },
    "confirmation_mismatch": {
        "fr": "La confirmation ne correspond pas à la première saisie.",
        "nl": "De bevestiging komt niet overeen met de eerste invoer.",
        "de": "Die Bestätigung stimmt nicht mit der ersten Eingabe überein.",
    },
    "certificate_dates": {
        "fr": "La date de fin de validité du certificat doit suivre sa date de début.",
        "nl": "De einddatum van het certificaat moet na de begindatum liggen.",
        "de": "Das Ende der Gültigkeit des Zertifikats muss nach seinem Beginn liegen.",
    },
    "certificate_expired": {
        "fr": "Ce certificat n'est plus valable (il a expiré le {valid_until}).",
        "nl": "Dit certificaat is niet meer geldig (het verliep op {valid_until}).",
        "de": "Dieses Zertifikat ist nicht mehr gültig (es ist am {valid_until} abgelaufen).",
    },
    "invitation_unusable": {
        "fr": "Cette invitation ou ce lien n'est plus utilisable : {status}.",
        "nl": "Deze uitnodiging of link is niet meer bruikbaar: {status}.",
        "de": "Diese Einladung oder dieser Link kann nicht mehr verwendet werden: {status}.",
    },
    "invitation_for_someone_else": {
        "fr": "Cette invitation a été envoyée pour une autre personne.",
        "nl": "Deze uitnodiging werd voor een andere persoon verstuurd.",
        "de": "Diese Einladung wurde für eine andere Person verschickt.",
    },
    "deactivation_not_possible": {
        "fr": "Ce rôle ne se désactive pas sur demande : {explanation}",
        "nl": "Deze rol kan niet op aanvraag gedeactiveerd worden: {explanation}",
        "de": "Diese Rolle lässt sich nicht auf Antrag deaktivieren: {explanation}",
    },
    "already_in_status": {
        "fr": "Ce rôle est déjà dans cet état.",
        "nl": "Deze rol heeft die status al.",
        "de": "Diese Rolle hat diesen Status bereits.",
    },
    "invalid_state": {
        "fr": "L'état importé n'est pas valable ({count} erreur(s)) ; le premier problème : {first}",
        "nl": "De geïmporteerde toestand is niet geldig ({count} fout(en)); het eerste probleem: {first}",
        "de": "Der importierte Stand ist nicht gültig ({count} Fehler); das erste Problem: {first}",
    },
    "internal_error": {
        "fr": "Erreur interne du moteur ({detail}) ; rien n'a été modifié.",
        "nl": "Interne fout van de motor ({detail}); er werd niets gewijzigd.",
        "de": "Interner Fehler der Demo ({detail}); es wurde nichts geändert.",
    },
}

REASONS = {
    "type.string": {"fr": "{Label} doit être un texte.", "nl": "{Label} moet een tekst zijn.", "de": "{Label} muss ein Text sein."},
    "type.date": {"fr": "{Label} doit être une date au format AAAA-MM-JJ.", "nl": "{Label} moet een datum zijn in de vorm JJJJ-MM-DD.", "de": "{Label} muss ein Datum in der Form JJJJ-MM-TT sein."},
    "certificate.format": {
        "fr": "Ce fichier n'est pas un certificat X.509 : choisissez le fichier de votre certificat, au format PEM "
              "(texte qui commence par -----BEGIN CERTIFICATE-----) ou DER (binaire).",
        "nl": "Dit bestand is geen X.509-certificaat: kies het bestand van uw certificaat, in PEM-formaat (tekst die "
              "begint met -----BEGIN CERTIFICATE-----) of DER-formaat (binair).",
        "de": "Diese Datei ist kein X.509-Zertifikat: Wählen Sie die Datei Ihres Zertifikats im Format PEM (Text, der mit -----BEGIN CERTIFICATE----- beginnt) oder DER (binär).",
    },
    "certificate.pem_other": {
        "fr": "Ce fichier PEM contient « {label} », pas un certificat. Ne transmettez jamais une clé privée : "
              "seul le certificat est demandé.",
        "nl": "Dit PEM-bestand bevat '{label}', geen certificaat. Geef nooit een privésleutel door: alleen het "
              "certificaat wordt gevraagd.",
        "de": "Diese PEM-Datei enthält „{label}“, kein Zertifikat. Geben Sie niemals einen privaten Schlüssel weiter: Nur das Zertifikat wird verlangt.",
    },
    "certificate.size": {
        "fr": "Ce fichier est trop grand pour être un certificat (plus de {max} Ko).",
        "nl": "Dit bestand is te groot voor een certificaat (meer dan {max} kB).",
        "de": "Diese Datei ist zu groß für ein Zertifikat (mehr als {max} KB).",
    },
    "certificate.empty": {"fr": "Ce fichier est vide.", "nl": "Dit bestand is leeg.", "de": "Diese Datei ist leer."},
    "certificate.encoding": {
        "fr": "Le contenu du fichier n'est pas arrivé en base64.",
        "nl": "De inhoud van het bestand kwam niet in base64 aan.",
        "de": "Der Inhalt der Datei ist nicht in Base64 angekommen.",
    },
    "niss.format": {"fr": "Un NISS ne peut contenir que des chiffres.", "nl": "Een INSZ mag alleen cijfers bevatten.", "de": "Eine ENSS darf nur Ziffern enthalten."},
    "niss.length": {"fr": "Un NISS doit compter 11 chiffres.", "nl": "Een INSZ moet 11 cijfers tellen.", "de": "Eine ENSS muss 11 Ziffern haben."},
    "niss.checksum": {
        "fr": "Les deux derniers chiffres du NISS ne correspondent pas au contrôle (97 moins le reste de la division par 97).",
        "nl": "De laatste twee cijfers van het INSZ kloppen niet met de controle (97 min de rest van de deling door 97).",
        "de": "Die letzten zwei Ziffern der ENSS passen nicht zur Prüfung (97 minus der Rest der Division durch 97).",
    },
    "niss.component": {
        "fr": "La date de naissance contenue dans le NISS n'existe pas.",
        "nl": "De geboortedatum in het INSZ bestaat niet.",
        "de": "Das Geburtsdatum in der ENSS gibt es nicht.",
    },
    "enterprise_number.format": {"fr": "Un numéro d'entreprise ne peut contenir que des chiffres.", "nl": "Een ondernemingsnummer mag alleen cijfers bevatten.", "de": "Eine Unternehmensnummer darf nur Ziffern enthalten."},
    "enterprise_number.length": {"fr": "Un numéro d'entreprise doit compter 10 chiffres.", "nl": "Een ondernemingsnummer moet 10 cijfers tellen.", "de": "Eine Unternehmensnummer muss 10 Ziffern haben."},
    "enterprise_number.component": {"fr": "Un numéro d'entreprise doit commencer par 0 ou 1.", "nl": "Een ondernemingsnummer moet met 0 of 1 beginnen.", "de": "Eine Unternehmensnummer muss mit 0 oder 1 beginnen."},
    "enterprise_number.checksum": {
        "fr": "Les deux derniers chiffres du numéro d'entreprise ne correspondent pas au contrôle modulo 97.",
        "nl": "De laatste twee cijfers van het ondernemingsnummer kloppen niet met de controle modulo 97.",
        "de": "Die letzten zwei Ziffern der Unternehmensnummer passen nicht zur Prüfung Modulo 97.",
    },
    "onss_number.format": {"fr": "Un matricule ONSS ne peut contenir que des chiffres.", "nl": "Een RSZ-nummer mag alleen cijfers bevatten.", "de": "Eine LSS-Registrierungsnummer darf nur Ziffern enthalten."},
    "onss_number.length": {
        "fr": "Un matricule ONSS doit compter 9 chiffres, sans le code de catégorie.",
        "nl": "Een RSZ-nummer moet 9 cijfers tellen, zonder de categoriecode.",
        "de": "Eine LSS-Registrierungsnummer muss 9 Ziffern haben, ohne den Kategoriecode.",
    },
    "onss_number.checksum": {
        "fr": "Ce matricule ONSS ne passe pas le contrôle : le nombre entier divisé par 97 doit laisser un reste de 96.",
        "nl": "Dit RSZ-nummer doorstaat de controle niet: het hele getal gedeeld door 97 moet een rest van 96 geven.",
        "de": "Diese LSS-Registrierungsnummer besteht die Prüfung nicht: Die ganze Zahl geteilt durch 97 muss einen Rest von 96 ergeben.",
    },
    "onss_number.component": {"fr": "Ce matricule ONSS n'est pas valable.", "nl": "Dit RSZ-nummer is niet geldig.", "de": "Diese LSS-Registrierungsnummer ist nicht gültig."},
    "digits.format": {"fr": "{Label} ne peut contenir que des chiffres.", "nl": "{Label} mag alleen cijfers bevatten.", "de": "{Label} darf nur Ziffern enthalten."},
    "digits.length": {"fr": "{Label} doit compter de {min} à {max} chiffres.", "nl": "{Label} moet {min} tot {max} cijfers tellen.", "de": "{Label} muss {min} bis {max} Ziffern haben."},
    "number.minimum": {"fr": "{Label} doit être un nombre d'au moins {min}.", "nl": "{Label} moet een getal van minstens {min} zijn.", "de": "{Label} muss eine Zahl von mindestens {min} sein."},
    "number.range": {"fr": "{Label} doit être un nombre de {min} à {max}.", "nl": "{Label} moet een getal van {min} tot {max} zijn.", "de": "{Label} muss eine Zahl von {min} bis {max} sein."},
    "text.empty": {"fr": "{Label} est obligatoire.", "nl": "{Label} is verplicht.", "de": "{Label} muss angegeben werden."},
    "text.too_long": {"fr": "{Label} ne peut pas dépasser {max} caractères.", "nl": "{Label} mag niet langer zijn dan {max} tekens.", "de": "{Label} darf höchstens {max} Zeichen lang sein."},
    "text.control": {
        "fr": "{Label} ne peut pas contenir de caractères de contrôle (tabulation, retour à la ligne…).",
        "nl": "{Label} mag geen stuurtekens bevatten (tab, regeleinde…).",
        "de": "{Label} darf keine Steuerzeichen enthalten (Tabulator, Zeilenumbruch …).",
    },
    "email.format": {
        "fr": "Une adresse e-mail doit avoir la forme nom@domaine.be, sans espace.",
        "nl": "Een e-mailadres moet de vorm naam@domein.be hebben, zonder spaties.",
        "de": "Eine E-Mail-Adresse muss die Form name@domain.be haben, ohne Leerzeichen.",
    },
    "username.spaces": {"fr": "Le nom d'utilisateur ne peut pas contenir d'espace.", "nl": "De gebruikersnaam mag geen spaties bevatten.", "de": "Der Benutzername darf keine Leerzeichen enthalten."},
    "username.characters": {
        "fr": "Le nom d'utilisateur ne peut contenir que des lettres a-z et des chiffres 0-9 (refusé : {characters}).",
        "nl": "De gebruikersnaam mag alleen letters a-z en cijfers 0-9 bevatten (geweigerd: {characters}).",
        "de": "Der Benutzername darf nur Buchstaben a-z und Ziffern 0-9 enthalten (abgelehnt: {characters}).",
    },
    "username.length": {
        "fr": "Le nom d'utilisateur doit compter de {min} à {max} caractères.",
        "nl": "De gebruikersnaam moet {min} tot {max} tekens tellen.",
        "de": "Der Benutzername muss {min} bis {max} Zeichen lang sein.",
    },
    "password.spaces": {"fr": "Le mot de passe ne peut pas contenir d'espace.", "nl": "Het wachtwoord mag geen spaties bevatten.", "de": "Das Passwort darf keine Leerzeichen enthalten."},
    "password.characters": {
        "fr": "Le mot de passe ne peut contenir que des lettres, des chiffres et ces caractères spéciaux : {specials} "
              "(refusé : {characters}).",
        "nl": "Het wachtwoord mag alleen letters, cijfers en deze speciale tekens bevatten: {specials} "
              "(geweigerd: {characters}).",
        "de": "Das Passwort darf nur Buchstaben, Ziffern und diese Sonderzeichen enthalten: {specials} (abgelehnt: {characters}).",
    },
    "password.length": {
        "fr": "Le mot de passe doit compter de {min} à {max} caractères.",
        "nl": "Het wachtwoord moet {min} tot {max} tekens tellen.",
        "de": "Das Passwort muss {min} bis {max} Zeichen lang sein.",
    },
    "password.non_letters": {
        "fr": "Le mot de passe doit contenir au moins {min} caractères qui ne sont pas des lettres (chiffres ou caractères spéciaux).",
        "nl": "Het wachtwoord moet minstens {min} tekens bevatten die geen letter zijn (cijfers of speciale tekens).",
        "de": "Das Passwort muss mindestens {min} Zeichen enthalten, die keine Buchstaben sind (Ziffern oder Sonderzeichen).",
    },
    "password.same": {
        "fr": "Le nouveau mot de passe doit être différent du mot de passe actuel.",
        "nl": "Het nieuwe wachtwoord moet verschillen van het huidige wachtwoord.",
        "de": "Das neue Passwort muss sich vom aktuellen Passwort unterscheiden.",
    },
    "choice.unknown": {
        "fr": "Choisissez {label} parmi les choix proposés : {choices}.",
        "nl": "Kies {label} uit de voorgestelde keuzes: {choices}.",
        "de": "Wählen Sie {label} aus den angebotenen Möglichkeiten: {choices}.",
    },
    "person.self": {
        "fr": "Vous ne pouvez pas vous désigner vous-même ici : donnez le NISS d'une autre personne.",
        "nl": "U kunt uzelf hier niet aanwijzen: geef het INSZ van een andere persoon.",
        "de": "Sie können sich hier nicht selbst benennen: Geben Sie die ENSS einer anderen Person an.",
    },
}

# The fields a message may name, by argument (the last part of a dotted field: gl.niss -> niss),
# as a sentence names them (with their article) and the verb that asks for them when missing.
FIELD_LABELS = {
    "address": {"fr": "l'adresse du canal", "nl": "het adres van het kanaal", "de": "die Adresse des Kanals", "verb": "give"},
    "application": {"fr": "l'application sécurisée", "nl": "de beveiligde toepassing", "de": "die gesicherte Anwendung", "verb": "choose"},
    "applications": {"fr": "les applications sécurisées", "nl": "de beveiligde toepassingen", "de": "die gesicherten Anwendungen", "verb": "choose"},
    "args": {"fr": "les données de la demande", "nl": "de gegevens van het verzoek", "de": "die Angaben der Anfrage", "verb": "give"},
    "channel": {"fr": "le canal de transmission", "nl": "het transmissiekanaal", "de": {"subject": "der Übermittlungskanal", "object": "den Übermittlungskanal"}, "verb": "choose"},
    "co_rae": {"fr": "le co-RAE", "nl": "de co-VTE", "de": {"subject": "der Co-VZU", "object": "den Co-VZU"}, "verb": "give"},
    "code": {"fr": "le code de l'invitation", "nl": "de code van de uitnodiging", "de": {"subject": "der Code der Einladung", "object": "den Code der Einladung"}, "verb": "give"},
    "command": {"fr": "l'action demandée", "nl": "de gevraagde handeling", "de": "die gewünschte Aktion", "verb": "give"},
    "confirmation": {"fr": "la confirmation du nouveau mot de passe", "nl": "de bevestiging van het nieuwe wachtwoord", "de": "die Bestätigung des neuen Passworts", "verb": "give"},
    "current": {"fr": "le mot de passe actuel", "nl": "het huidige wachtwoord", "de": "das aktuelle Passwort", "verb": "give"},
    "data": {"fr": "le fichier du certificat", "nl": "het certificaatbestand", "de": "die Zertifikatsdatei", "verb": "choose"},
    "dataset": {"fr": "le jeu de données", "nl": "de gegevensset", "de": {"subject": "der Datensatz", "object": "den Datensatz"}, "verb": "choose"},
    "declaration": {"fr": "la déclaration", "nl": "de aangifte", "de": "die Meldung", "verb": "choose"},
    "effect": {"fr": "le genre d'action", "nl": "het soort handeling", "de": "die Art der Aktion", "verb": "choose"},
    "email": {"fr": "l'adresse e-mail", "nl": "het e-mailadres", "de": "die E-Mail-Adresse", "verb": "give"},
    "enterprise": {"fr": "l'entreprise", "nl": "de onderneming", "de": "das Unternehmen", "verb": "choose"},
    "field": {"fr": "le champ à vérifier", "nl": "het te controleren veld", "de": "das zu prüfende Feld", "verb": "choose"},
    "fields": {"fr": "les données de la qualité", "nl": "de gegevens van de hoedanigheid", "de": "die Angaben der Eigenschaft", "verb": "give"},
    "first_name": {"fr": "le prénom", "nl": "de voornaam", "de": {"subject": "der Vorname", "object": "den Vornamen"}, "verb": "give"},
    "gl": {"fr": "le Gestionnaire Local", "nl": "de lokale beheerder", "de": {"subject": "der lokale Verwalter", "object": "den lokalen Verwalter"}, "verb": "choose"},
    "grant": {"fr": "les applications à donner", "nl": "de toe te kennen toepassingen", "de": "die zuzuweisenden Anwendungen", "verb": "choose"},
    "id": {"fr": "le numéro de la demande", "nl": "het nummer van het verzoek", "de": "die Nummer der Anfrage", "verb": "give"},
    "identifier": {"fr": "l'identifiant de la qualité", "nl": "de identificatie van de hoedanigheid", "de": "die Kennung der Eigenschaft", "verb": "give"},
    "invitation": {"fr": "l'invitation ou le lien", "nl": "de uitnodiging of link", "de": {"subject": "die Einladung oder der Link", "object": "die Einladung oder den Link"}, "verb": "choose"},
    "issuer": {"fr": "l'émetteur du certificat", "nl": "de uitgever van het certificaat", "de": {"subject": "der Aussteller des Zertifikats", "object": "den Aussteller des Zertifikats"}, "verb": "give"},
    "kind": {"fr": "le type", "nl": "het soort", "de": {"subject": "der Typ", "object": "den Typ"}, "verb": "choose"},
    "lang": {"fr": "la langue de la demande", "nl": "de taal van het verzoek", "de": "die Sprache der Anfrage", "verb": "choose"},
    "language": {"fr": "la langue", "nl": "de taal", "de": "die Sprache", "verb": "choose"},
    "legal_representatives": {"fr": "les représentants légaux", "nl": "de wettelijke vertegenwoordigers", "de": "die gesetzlichen Vertreter", "verb": "give"},
    "limit": {"fr": "le nombre d'entrées", "nl": "het aantal items", "de": "die Anzahl der Einträge", "verb": "give"},
    "local_email": {"fr": "l'adresse e-mail locale", "nl": "het lokale e-mailadres", "de": "die lokale E-Mail-Adresse", "verb": "give"},
    "method": {"fr": "le moyen de connexion", "nl": "de aanmeldingswijze", "de": "die Anmeldeart", "verb": "choose"},
    "name": {"fr": "le nom", "nl": "de naam", "de": {"subject": "der Name", "object": "den Namen"}, "verb": "give"},
    "new": {"fr": "le nouveau mot de passe", "nl": "het nieuwe wachtwoord", "de": "das neue Passwort", "verb": "give"},
    "niss": {"fr": "le NISS", "nl": "het INSZ", "de": "die ENSS", "verb": "give"},
    "number": {"fr": "le numéro d'entreprise", "nl": "het ondernemingsnummer", "de": "die Unternehmensnummer", "verb": "give"},
    "page": {"fr": "la page", "nl": "de pagina", "de": "die Seite", "verb": "choose"},
    "page_size": {"fr": "le nombre de lignes par page", "nl": "het aantal regels per pagina", "de": "die Anzahl der Zeilen pro Seite", "verb": "choose"},
    "password": {"fr": "le mot de passe", "nl": "het wachtwoord", "de": "das Passwort", "verb": "give"},
    "person": {"fr": "la personne", "nl": "de persoon", "de": "die Person", "verb": "give"},
    "procuration": {"fr": "la procuration du mandataire", "nl": "de volmacht van de mandataris", "de": "die Vollmacht des Bevollmächtigten", "verb": "choose"},
    "profile": {"fr": "le profil", "nl": "het profiel", "de": "das Profil", "verb": "choose"},
    "quality": {"fr": "la qualité", "nl": "de hoedanigheid", "de": "die Eigenschaft", "verb": "choose"},
    "rae": {"fr": "le RAE", "nl": "de VTE", "de": {"subject": "der VZU", "object": "den VZU"}, "verb": "give"},
    "recipient": {"fr": "le destinataire", "nl": "de bestemmeling", "de": {"subject": "der Empfänger", "object": "den Empfänger"}, "verb": "choose"},
    "role": {"fr": "la personne visée", "nl": "de betrokken persoon", "de": "die betroffene Person", "verb": "choose"},
    "roles": {"fr": "les rôles", "nl": "de rollen", "de": "die Rollen", "verb": "choose"},
    "seed": {"fr": "le numéro de tirage", "nl": "het trekkingsnummer", "de": "die Losnummer", "verb": "give"},
    "self": {"fr": "le choix de vous désigner vous-même", "nl": "de keuze om uzelf aan te wijzen", "de": "die Wahl, sich selbst zu benennen", "verb": "choose"},
    "serial": {"fr": "le numéro de série", "nl": "het serienummer", "de": "die Seriennummer", "verb": "give"},
    "session": {"fr": "la session", "nl": "de sessie", "de": "die Sitzung", "verb": "give"},
    "state": {"fr": "l'état de la démo", "nl": "de toestand van de demo", "de": {"subject": "der Stand der Demo", "object": "den Stand der Demo"}, "verb": "choose"},
    "status": {"fr": "le statut", "nl": "de status", "de": {"subject": "der Status", "object": "den Status"}, "verb": "choose"},
    "subject": {"fr": "le sujet du certificat", "nl": "het onderwerp van het certificaat", "de": {"subject": "der Inhaber des Zertifikats", "object": "den Inhaber des Zertifikats"}, "verb": "give"},
    "title": {"fr": "le titre", "nl": "de titel", "de": {"subject": "der Titel", "object": "den Titel"}, "verb": "give"},
    "to": {"fr": "le destinataire du courrier", "nl": "de geadresseerde", "de": {"subject": "der Empfänger der E-Mail", "object": "den Empfänger der E-Mail"}, "verb": "give"},
    "type": {"fr": "le type de qualité", "nl": "de soort hoedanigheid", "de": "die Art der Eigenschaft", "verb": "choose"},
    "username": {"fr": "le nom d'utilisateur", "nl": "de gebruikersnaam", "de": {"subject": "der Benutzername", "object": "den Benutzernamen"}, "verb": "give"},
    "users": {"fr": "le nombre d'utilisateurs", "nl": "het aantal gebruikers", "de": "die Anzahl der Benutzer", "verb": "give"},
    "valid_from": {"fr": "le début de validité", "nl": "het begin van de geldigheid", "de": {"subject": "der Beginn der Gültigkeit", "object": "den Beginn der Gültigkeit"}, "verb": "give"},
    "valid_until": {"fr": "la fin de validité", "nl": "het einde van de geldigheid", "de": "das Ende der Gültigkeit", "verb": "give"},
    "value": {"fr": "la valeur à vérifier", "nl": "de te controleren waarde", "de": {"subject": "der zu prüfende Wert", "object": "den zu prüfenden Wert"}, "verb": "give"},
    "withdraw": {"fr": "les applications à retirer", "nl": "de in te trekken toepassingen", "de": "die zu entziehenden Anwendungen", "verb": "choose"},
}

# A quality's own fields (data/qualities.json) are named by their label on the screen.
QUALITY_FIELD = {"fr": "le champ « {name} »", "nl": "het veld '{name}'",
                 "de": {"subject": "das Feld „{name}“", "object": "einen Wert für das Feld „{name}“"}}
FALLBACK_LABEL = {"fr": "une des données", "nl": "een van de gegevens", "de": "eine der Angaben"}

MISSING = {
    "give": {"fr": "Indiquez {label}.", "nl": "Vul {label} in.", "de": "Geben Sie {label} an."},
    "choose": {"fr": "Choisissez {label}.", "nl": "Kies {label}.", "de": "Wählen Sie {label}."},
}

LANGUAGE_NAMES = {
    "fr": {"fr": "français", "nl": "néerlandais", "de": "allemand", "en": "anglais"},
    "nl": {"fr": "Frans", "nl": "Nederlands", "de": "Duits", "en": "Engels"},
    "de": {"fr": "Französisch", "nl": "Niederländisch", "de": "Deutsch", "en": "Englisch"},
}


def language_names() -> dict:
    """The languages a person may choose, named in each message language (a per-language parameter)."""
    return {lang: ", ".join(names.values()) for lang, names in LANGUAGE_NAMES.items()}


# A date in a sentence, as each language writes it ("3 décembre 2026", "3 december 2026",
# "3. Dezember 2026"); `first` names the first day of a month where the language says it apart.
DATES = {
    "fr": {"format": "{day} {month} {year}", "first": "1er",
           "months": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre")},
    "nl": {"format": "{day} {month} {year}", "first": "1",
           "months": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                      "oktober", "november", "december")},
    "de": {"format": "{day}. {month} {year}", "first": "1",
           "months": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                      "November", "Dezember")},
}


def date_words(iso: str) -> dict:
    """An ISO date (YYYY-MM-DD) in words, in every language: a per-language parameter."""
    year, month, day = (int(part) for part in iso[:10].split("-"))
    out = {}
    for lang, spec in DATES.items():
        day_text = spec.get("first", "1") if day == 1 else str(day)
        out[lang] = spec["format"].format(day=day_text, month=spec["months"][month - 1], year=year)
    return out


INVITATION_STATUS = {
    "expired": {"fr": "elle a expiré", "nl": "ze is verlopen", "de": "sie ist abgelaufen"},
    "withdrawn": {"fr": "elle a été retirée", "nl": "ze werd ingetrokken", "de": "sie wurde zurückgezogen"},
    "accepted": {"fr": "elle a déjà été acceptée", "nl": "ze werd al aanvaard", "de": "sie wurde bereits angenommen"},
}

ENTITIES = {
    "person": {"fr": "Personne", "nl": "Persoon", "de": "Person"},
    "role": {"fr": "Rôle", "nl": "Rol", "de": "Rolle"},
    "enterprise": {"fr": "Entreprise", "nl": "Onderneming", "de": "Unternehmen"},
    "quality": {"fr": "Qualité", "nl": "Hoedanigheid", "de": "Eigenschaft"},
    "quality_type": {"fr": "Type de qualité", "nl": "Soort hoedanigheid", "de": "Art der Eigenschaft"},
    "invitation": {"fr": "Invitation ou lien", "nl": "Uitnodiging of link", "de": "Einladung oder Link"},
    "channel": {"fr": "Canal batch", "nl": "Batchkanaal", "de": "Batch-Kanal"},
    "procuration": {"fr": "Procuration", "nl": "Volmacht", "de": "Vollmacht"},
    "session": {"fr": "Session", "nl": "Sessie", "de": "Sitzung"},
}

TYPES = {
    "string": {"fr": "texte", "nl": "tekst", "de": "Text"},
    "integer": {"fr": "nombre entier", "nl": "geheel getal", "de": "ganze Zahl"},
    "boolean": {"fr": "vrai/faux", "nl": "waar/onwaar", "de": "wahr/falsch"},
    "object": {"fr": "objet", "nl": "object", "de": "Objekt"},
    "string_list": {"fr": "liste de textes", "nl": "lijst van teksten", "de": "Liste von Texten"},
    "object_list": {"fr": "liste d'objets", "nl": "lijst van objecten", "de": "Liste von Objekten"},
}

# Mails of the in-memory outbox, in every language (the recipient's language is not always known).
MAILS = {
    "invitation": {
        "subject": {"fr": "Invitation à un rôle : {quality}", "nl": "Uitnodiging voor een rol: {quality}", "de": "Einladung zu einer Rolle: {quality}"},
        "body": {
            "fr": "Bonjour,\n\n{manager} vous invite à un rôle d'utilisateur dans la qualité {quality} de {enterprise}. "
                  "Connectez-vous et acceptez l'invitation avec le code {code} avant le {expires}.",
            "nl": "Goeddag,\n\n{manager} nodigt u uit voor een gebruikersrol in de hoedanigheid {quality} van {enterprise}. "
                  "Meld u aan en aanvaard de uitnodiging met de code {code} vóór {expires}.",
            "de": "Guten Tag,\n\n{manager} lädt Sie zu einer Benutzerrolle in der Eigenschaft {quality} von {enterprise} ein. Melden Sie sich an und nehmen Sie die Einladung mit dem Code {code} vor dem {expires} an.",
        },
    },
    "deactivation_request": {
        "subject": {"fr": "Rôle désactivé à la demande de {person}", "nl": "Rol gedeactiveerd op vraag van {person}", "de": "Rolle auf Antrag von {person} deaktiviert"},
        "body": {
            "fr": "Bonjour,\n\n{person} a demandé la désactivation de son rôle « {role} » dans la qualité {quality}. Le rôle est désactivé.",
            "nl": "Goeddag,\n\n{person} vroeg de deactivering van zijn rol '{role}' in de hoedanigheid {quality}. De rol is gedeactiveerd.",
            "de": "Guten Tag,\n\n{person} hat die Deaktivierung der eigenen Rolle „{role}“ in der Eigenschaft {quality} beantragt. Die Rolle ist deaktiviert.",
        },
    },
    "rae_designated": {
        "subject": {"fr": "Vous êtes RAE de {enterprise}", "nl": "U bent VTE van {enterprise}", "de": "Sie sind VZU von {enterprise}"},
        "body": {
            "fr": "Bonjour,\n\nVous avez été désigné Responsable Accès Entreprise de {enterprise}. Votre nom d'utilisateur : {username}.",
            "nl": "Goeddag,\n\nU werd aangewezen als Verantwoordelijke Toegang Entiteit van {enterprise}. Uw gebruikersnaam: {username}.",
            "de": "Guten Tag,\n\nSie wurden als Verantwortlicher Zugang Unternehmen (VZU) von {enterprise} benannt. Ihr Benutzername: {username}.",
        },
    },
    "co_rae_designated": {
        "subject": {"fr": "Vous êtes co-RAE de {enterprise}", "nl": "U bent co-VTE van {enterprise}", "de": "Sie sind Co-VZU von {enterprise}"},
        "body": {
            "fr": "Bonjour,\n\nVous avez été désigné co-Responsable Accès Entreprise de {enterprise}. Votre nom d'utilisateur : {username}.",
            "nl": "Goeddag,\n\nU werd aangewezen als co-Verantwoordelijke Toegang Entiteit van {enterprise}. Uw gebruikersnaam: {username}.",
            "de": "Guten Tag,\n\nSie wurden als Co-Verantwortlicher Zugang Unternehmen (Co-VZU) von {enterprise} benannt. Ihr Benutzername: {username}.",
        },
    },
}


def language(lang: str) -> str:
    """The language a message is written in for a request language."""
    return FALLBACK.get(lang, lang if lang in LANGUAGES else DEFAULT)


def _form(text, form: str) -> str:
    """One form of a label: a plain text serves every form; a declined one gives "subject" or
    "object"."""
    return text[form] if isinstance(text, dict) else text


def field_label(field: str | None, lang: str, form: str = "subject") -> str:
    """How a sentence names a field in `lang`: "la procuration du mandataire", "le champ « Numéro
    d'agrément »"; never the argument id. `form` is "subject" (the field opens the sentence) or
    "object" (a verb asks for it: "den Namen")."""
    lang = language(lang)
    if not field:
        return FALLBACK_LABEL[lang]
    if field.startswith("fields.") and field.count(".") == 1:
        from . import catalogue

        for qtype in catalogue.quality_types().values():
            for spec in qtype["fields"]:
                if spec["id"] == field[len("fields."):]:
                    return _form(QUALITY_FIELD[lang], form).format(name=spec[lang])
    leaf = field.rsplit(".", 1)[-1]
    entry = FIELD_LABELS.get(leaf)
    return _form(entry[lang], form) if entry else FALLBACK_LABEL[lang]


def _values(params: dict, lang: str, field: str | None) -> dict:
    out = {k: (v[lang] if isinstance(v, dict) and lang in v else v) for k, v in params.items()}
    subject = field_label(field, lang, "subject")
    out.setdefault("label", field_label(field, lang, "object"))
    out.setdefault("Label", subject[:1].upper() + subject[1:])
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
    """Subject and body of an outbox mail in every language (the recipient's is not always known)."""
    template = MAILS[kind]

    def values(lang):  # a parameter may itself be given per language ({"fr": ..., "nl": ..., "de": ...})
        return {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}

    return {part: {lang: template[part][lang].format(**values(lang)) for lang in LANGUAGES} for part in ("subject", "body")}


# --- Bounded requests and checked states (issue 16): kept in one block ------------------------

BOUNDS_ERRORS = {
    "request_too_large": {
        "fr": "La demande est trop grande pour le moteur de la démo (plus de {max} caractères) ; rien n'a été modifié.",
        "nl": "Het verzoek is te groot voor de motor van de demo (meer dan {max} tekens); er werd niets gewijzigd.",
        "de": "Die Anfrage ist zu groß für die Demo (mehr als {max} Zeichen); es wurde nichts geändert.",
    },
    "request_too_deep": {
        "fr": "La demande contient des données imbriquées sur plus de {max} niveaux : ce n'est pas ce que la démo "
              "produit ; rien n'a été modifié.",
        "nl": "Het verzoek bevat gegevens die meer dan {max} niveaus diep genest zijn: dat maakt de demo niet; er "
              "werd niets gewijzigd.",
        "de": "Die Anfrage enthält Angaben, die mehr als {max} Ebenen tief verschachtelt sind: So etwas erzeugt die Demo nicht; es wurde nichts geändert.",
    },
}
ERRORS.update(BOUNDS_ERRORS)

# The faults of a refused state (state.problems), one sentence each, said of the value at a path
# (a fault that is also a field's, such as number.range or niss.checksum, takes its REASONS text).
STATE_PROBLEMS = {
    "state.type": {"fr": "Cette donnée doit être de type {expected}.", "nl": "Dit gegeven moet van het type {expected} zijn.", "de": "Diese Angabe muss vom Typ {expected} sein."},
    "state.type_or_null": {"fr": "Cette donnée doit être vide ou de type {expected}.",
                           "nl": "Dit gegeven moet leeg of van het type {expected} zijn.",
                           "de": "Diese Angabe muss leer oder vom Typ {expected} sein."},
    "state.missing": {"fr": "Cette donnée manque.", "nl": "Dit gegeven ontbreekt.", "de": "Diese Angabe fehlt."},
    "state.unknown_field": {"fr": "Cette donnée n'a pas sa place dans un état de la démo.",
                            "nl": "Dit gegeven hoort niet in een toestand van de demo.",
                            "de": "Diese Angabe gehört nicht in einen Stand der Demo."},
    "state.too_long": {"fr": "Ce texte dépasse {max} caractères.", "nl": "Deze tekst is langer dan {max} tekens.", "de": "Dieser Text ist länger als {max} Zeichen."},
    "state.too_many": {"fr": "Il y a plus de {max} éléments ici.", "nl": "Hier staan meer dan {max} elementen.", "de": "Hier stehen mehr als {max} Elemente."},
    "state.choice": {"fr": "Cette valeur ne fait pas partie des valeurs possibles : {choices}.",
                     "nl": "Deze waarde hoort niet bij de mogelijke waarden: {choices}.",
                     "de": "Dieser Wert gehört nicht zu den möglichen Werten: {choices}."},
    "state.id": {"fr": "Cet identifiant ne convient pas : de 1 à 100 lettres, chiffres, points ou tirets, sans nom réservé.",
                 "nl": "Deze identificatie past niet: 1 tot 100 letters, cijfers, punten of streepjes, geen gereserveerde naam.",
                 "de": "Diese Kennung passt nicht: 1 bis 100 Buchstaben, Ziffern, Punkte oder Bindestriche, kein reservierter Name."},
    "state.id_differs": {"fr": "L'identifiant diffère de celui sous lequel la fiche est rangée.",
                         "nl": "De identificatie verschilt van die waaronder de fiche bewaard is.",
                         "de": "Die Kennung weicht von der ab, unter der der Eintrag gespeichert ist."},
    "state.command": {"fr": "Ce n'est pas un nom de commande du moteur.", "nl": "Dit is geen naam van een opdracht van de motor.", "de": "Das ist kein Name einer Aktion der Demo."},
    "state.moment": {"fr": "Une date et une heure au format ISO (AAAA-MM-JJTHH:MM:SS) sont attendues.",
                     "nl": "Een datum en een uur in ISO-vorm (JJJJ-MM-DDTUU:MM:SS) worden verwacht.",
                     "de": "Erwartet werden ein Datum und eine Uhrzeit im ISO-Format (JJJJ-MM-TTTHH:MM:SS)."},
    "state.password": {"fr": "Ce n'est pas l'empreinte d'un mot de passe : la démo ne garde jamais un mot de passe en clair.",
                       "nl": "Dit is geen vingerafdruk van een wachtwoord: de demo bewaart nooit een wachtwoord in klare tekst.",
                       "de": "Das ist kein Fingerabdruck eines Passworts: Die Demo speichert ein Passwort nie im Klartext."},
    "state.schema": {"fr": "Ce n'est pas un état du moteur de la démo.", "nl": "Dit is geen toestand van de motor van de demo.", "de": "Das ist kein Stand der Demo."},
    "state.version": {"fr": "Cet état est de la version {found} ; la démo lit la version {expected}.",
                      "nl": "Deze toestand is van versie {found}; de demo leest versie {expected}.",
                      "de": "Dieser Stand hat die Version {found}; die Demo liest die Version {expected}."},
    "state.reference": {"fr": "Renvoie à {entity} qui n'existe pas : « {id} ».",
                        "nl": "Verwijst naar {entity} die niet bestaat: '{id}'.",
                        "de": "Verweist auf etwas, das es nicht gibt ({entity} „{id}“)."},
    "state.enterprise_role_quality": {"fr": "Un rôle au niveau de l'entreprise n'a pas de qualité.",
                                      "nl": "Een rol op het niveau van de onderneming heeft geen hoedanigheid.",
                                      "de": "Eine Rolle auf Ebene des Unternehmens hat keine Eigenschaft."},
    "state.quality_elsewhere": {"fr": "Cette qualité appartient à une autre entreprise.",
                                "nl": "Deze hoedanigheid hoort bij een andere onderneming.",
                                "de": "Diese Eigenschaft gehört zu einem anderen Unternehmen."},
    "state.applications_outside": {"fr": "Des applications n'appartiennent pas à la qualité du rôle.",
                                   "nl": "Sommige toepassingen horen niet bij de hoedanigheid van de rol.",
                                   "de": "Einige Anwendungen gehören nicht zur Eigenschaft der Rolle."},
    "state.applications_not_user": {"fr": "Seuls les rôles d'utilisateur reçoivent des applications.",
                                    "nl": "Alleen gebruikersrollen krijgen toepassingen.",
                                    "de": "Nur Benutzerrollen erhalten Anwendungen."},
    "state.not_blockable": {"fr": "Ce rôle ne peut pas être bloqué.", "nl": "Deze rol kan niet geblokkeerd worden.", "de": "Diese Rolle kann nicht gesperrt werden."},
    "state.duplicate_role": {"fr": "Cette personne a deux fois le même rôle au même endroit.",
                             "nl": "Deze persoon heeft tweemaal dezelfde rol op dezelfde plaats.",
                             "de": "Diese Person hat zweimal dieselbe Rolle an derselben Stelle."},
    "state.gl_and_co_gl": {"fr": "Le GL d'une qualité n'en est pas aussi co-GL.",
                           "nl": "De lokale beheerder van een hoedanigheid is er niet ook co-beheerder van.",
                           "de": "Der lokale Verwalter einer Eigenschaft ist nicht zugleich ihr lokaler Co-Verwalter."},
    "state.rae_count": {"fr": "Une entreprise enregistrée a exactement un RAE (ici : {count}).",
                        "nl": "Een geregistreerde onderneming heeft precies één VTE (hier: {count}).",
                        "de": "Ein registriertes Unternehmen hat genau einen VZU (hier: {count})."},
    "state.unregistered_rae": {"fr": "Une entreprise pas encore enregistrée n'a pas de RAE.",
                               "nl": "Een nog niet geregistreerde onderneming heeft geen VTE.",
                               "de": "Ein noch nicht registriertes Unternehmen hat keinen VZU."},
    "state.quality_unregistered": {"fr": "Cette qualité n'appartient à aucune entreprise enregistrée.",
                                   "nl": "Deze hoedanigheid hoort bij geen enkele geregistreerde onderneming.",
                                   "de": "Diese Eigenschaft gehört zu keinem registrierten Unternehmen."},
    "state.gl_count": {"fr": "Une qualité a exactement un GL (ici : {count}).",
                       "nl": "Een hoedanigheid heeft precies één lokale beheerder (hier: {count}).",
                       "de": "Eine Eigenschaft hat genau einen lokalen Verwalter (hier: {count})."},
    "state.technical_user": {"fr": "L'utilisateur technique n'est pas un utilisateur de cette qualité.",
                             "nl": "De technische gebruiker is geen gebruiker van deze hoedanigheid.",
                             "de": "Der technische Benutzer ist kein Benutzer dieser Eigenschaft."},
    "state.routing_channel": {"fr": "Le routage de « {declaration} » utilise un canal non enregistré.",
                              "nl": "De routering van '{declaration}' gebruikt een niet-geregistreerd kanaal.",
                              "de": "Das Routing von „{declaration}“ nutzt einen nicht registrierten Kanal."},
    "state.routing_procuration": {"fr": "Le routage de « {declaration} » renvoie à une procuration inconnue.",
                                  "nl": "De routering van '{declaration}' verwijst naar een onbekende volmacht.",
                                  "de": "Das Routing von „{declaration}“ verweist auf eine unbekannte Vollmacht."},
    "state.procuration_declaration": {"fr": "La procuration choisie pour « {declaration} » ne couvre pas cette déclaration.",
                                      "nl": "De gekozen volmacht voor '{declaration}' dekt die aangifte niet.",
                                      "de": "Die für „{declaration}“ gewählte Vollmacht deckt diese Meldung nicht ab."},
    "state.niss_twice": {"fr": "Ce NISS est déjà celui d'une autre personne ({other}).",
                         "nl": "Dit INSZ is al dat van een andere persoon ({other}).",
                         "de": "Diese ENSS gehört bereits einer anderen Person ({other})."},
    "state.username_twice": {"fr": "Ce nom d'utilisateur est déjà celui d'une autre personne ({other}).",
                             "nl": "Deze gebruikersnaam is al die van een andere persoon ({other}).",
                             "de": "Dieser Benutzername gehört bereits einer anderen Person ({other})."},
    "state.session_profile": {"fr": "Le profil de cette session n'est pas l'un des rôles de la personne.",
                              "nl": "Het profiel van deze sessie is niet een van de rollen van de persoon.",
                              "de": "Das Profil dieser Sitzung ist keine der Rollen der Person."},
    "state.journal_sequence": {"fr": "Les entrées du journal ne sont pas numérotées 1, 2, 3…",
                               "nl": "De regels van het logboek zijn niet genummerd 1, 2, 3…",
                               "de": "Die Einträge des Prüfprotokolls sind nicht fortlaufend 1, 2, 3 … nummeriert."},
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
