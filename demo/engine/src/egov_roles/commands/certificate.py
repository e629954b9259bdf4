"""Reading a certificate file for the "load your certificate" screen: the browser sends the file's
bytes (base64), the engine says what the certificate holds — or why the file is not one — and the
screen then loads it with account.upload_certificate."""

from __future__ import annotations

from .. import x509
from ..errors import FieldError
from .registry import Arg, command


@command("engine.read_certificate", group="engine", journaled=False,
         text={"fr": "Lire un fichier de certificat X.509 (PEM ou DER, en base64) : sujet, émetteur, numéro de série et dates de validité, sans rien enregistrer.",
               "nl": "Een X.509-certificaatbestand lezen (PEM of DER, in base64): onderwerp, uitgever, serienummer en geldigheidsdata, zonder iets op te slaan.",
               "de": "Eine X.509-Zertifikatsdatei lesen (PEM oder DER, in Base64): Inhaber, Aussteller, Seriennummer und Gültigkeitsdaten, ohne etwas zu speichern."},
         args=(Arg("data", "string", {"fr": "Contenu du fichier, en base64",
                                      "nl": "Inhoud van het bestand, in base64",
                                      "de": "Inhalt der Datei, in Base64"}),))
def read_certificate(ctx, data):
    try:
        found = x509.read_base64(data)
    except x509.NotACertificate as exc:
        raise FieldError("data", exc.reason, **exc.params) from None
    today = ctx.today_date.isoformat()
    if found["valid_until"][:10] < today:
        found["status"] = "expired"
    elif found["valid_from"][:10] > today:
        found["status"] = "not_yet_valid"
    else:
        found["status"] = "valid"
    return found
