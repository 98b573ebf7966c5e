# D_CPR — provisional replacement certificate of the European Health Insurance Card (EU Decision S2, annex II:
# "the same data as the card, fields 1 to 9, in the same order"; Regulation (EC) No 987/2009, article 25).
# Language: Templates/README.md. Lengths in millimetres unless written with "pt"; font sizes and lines in points.
document certificate
page size=a4 margin-bottom=12
info title="Certificat provisoire de remplacement de la carte européenne d'assurance maladie" author="Assurance Maladie — {institutionName}"

font sans face=sans
font bold face=sans-bold

colour eu-blue hex=003399
colour eu-gold hex=FFCC00
colour grey hex=4F5563
colour line hex=A9B3C9

style brand font=bold size=11 colour=eu-blue
style issuer font=sans size=8.5 colour=grey leading=11
style title font=bold size=14 colour=eu-blue leading=17
style title-en font=sans size=11.5 colour=eu-blue leading=14 lang=en
style basis font=sans size=8.5 colour=grey leading=11
style section font=bold size=9 colour=eu-blue
style number font=bold size=10 colour=eu-blue
style label font=bold size=9 leading=11
style label-en font=sans size=8 colour=grey leading=10 lang=en
style value font=bold size=11
style body font=sans size=8.5 leading=11
style body-en font=sans size=8 colour=grey leading=10 lang=en
style code font=bold size=8 colour=eu-blue
style stamp font=bold size=6.5 colour=eu-blue
style seal font=sans size=6 colour=grey leading=7.5

# Header: the European mark with the issuing state, the issuing institution, the certificate's reference.
mark x=20 y=14 width=24 height=16 field=eu-blue stars=eu-gold square=5 style=code "{issuingState}"
text x=50 y=19 style=brand "Assurance Maladie"
text name=issuerName x=50 y=+4.5 width=140 style=issuer fit=wrap max-lines=2 min-size=6 "{institutionName}"
text name=issuerReference x=50 y=+4.2 width=140 style=issuer fit=shrink min-size=5.5 "Référence du certificat / Certificate reference : {id}"

# Title in French and English, and the legal basis.
text name=title x=20 y=42 width=170 style=title align=centre fit=wrap "Certificat provisoire de remplacement de la carte européenne d'assurance maladie"
text name=title-en x=20 y=+6.5 width=170 style=title-en align=centre fit=wrap "Provisional replacement certificate of the European Health Insurance Card"
text name=basis x=20 y=+5.5 width=170 style=basis align=centre fit=wrap "Article 25 du règlement (CE) n° 987/2009 — Article 25 of Regulation (EC) No 987/2009"
rule x=20 y=+4 width=170 colour=line line=0.75

# Fields 1 to 9, keyed by the EU field numbers: number, French label, value, English label under it.
text x=20 y=+7 style=number "1–2"
text x=32 y=same width=72 style=label fit=wrap "État membre émetteur"
text name=issuingState x=106 y=same width=84 style=value "{issuingState}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Issuing Member State"

text x=20 y=+7 style=section "Titulaire de la carte / Card holder"
rule x=20 y=+1.8 width=170 colour=line
text x=20 y=+5.2 style=number "3"
text x=32 y=same width=72 style=label fit=wrap "Nom"
text name=lastName x=106 y=same width=84 style=value fit=wrap max-lines=2 min-size=7 then=abbreviate "{lastName}"
text x=32 y=same+9pt width=72 style=label-en fit=wrap "Name"
text x=20 y=+5.2 style=number "4"
text x=32 y=same width=72 style=label fit=wrap "Prénoms"
text name=givenNames x=106 y=same width=84 style=value fit=wrap max-lines=2 min-size=7 then=abbreviate "{givenNames}"
text x=32 y=same+9pt width=72 style=label-en fit=wrap "Given names"
text x=20 y=+5.2 style=number "5"
text x=32 y=same width=72 style=label fit=wrap "Date de naissance"
text name=birthDate x=106 y=same width=84 style=value "{birthDate}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Date of birth"
text x=20 y=+5.2 style=number "6"
text x=32 y=same width=72 style=label fit=wrap "Numéro d'identification personnel"
text name=personalNumber x=106 y=same width=84 style=value "{personalNumber}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Personal identification number"

text x=20 y=+7 style=section "Institution compétente / Competent institution"
rule x=20 y=+1.8 width=170 colour=line
text x=20 y=+5.2 style=number "7"
text x=32 y=same width=72 style=label fit=wrap "Numéro d'identification et sigle de l'institution"
text name=institution x=106 y=same width=84 style=value fit=shrink min-size=7 "{institutionCardField}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Identification number and acronym of the institution"

text x=20 y=+7 style=section "Carte / Card"
rule x=20 y=+1.8 width=170 colour=line
text x=20 y=+5.2 style=number "8"
text x=32 y=same width=72 style=label fit=wrap "Numéro d'identification de la carte"
text name=cardNumber x=106 y=same width=84 style=value "{cardNumber}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Identification number of the card"
text x=20 y=+5.2 style=number "9"
text x=32 y=same width=72 style=label fit=wrap "Date d'expiration"
text name=cardExpiryDate x=106 y=same width=84 style=value "{cardExpiryDate}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Expiry date"

text x=20 y=+7 style=section "Période de validité du certificat / Certificate validity period"
rule x=20 y=+1.8 width=170 colour=line
text x=20 y=+5.2 style=number "(a)"
text x=32 y=same width=72 style=label fit=wrap "Du"
text name=validFrom x=106 y=same width=84 style=value "{validFrom}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "From"
text x=20 y=+5.2 style=number "(b)"
text x=32 y=same width=72 style=label fit=wrap "Au"
text name=validUntil x=106 y=same width=84 style=value "{validUntil}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "To"
text x=20 y=+5.2 style=number "(c)"
text x=32 y=same width=72 style=label fit=wrap "Date de délivrance du certificat"
text name=issuedOn x=106 y=same width=84 style=value "{issuedOn}"
text x=32 y=+9pt width=72 style=label-en fit=wrap "Date of issue of the certificate"

# Signature and/or stamp of the institution: its round stamp, the seal, and its name, address and telephone. The
# box is as tall as its worst case (Templates/README.md, "Limits"): the largest seal with its caption, or a name of
# 120 and an address of 200 of the widest letters. Inside it, positions chain from the box's top (same+N) or from
# the text above (after+N), so the box holds its content whatever the flow.
text x=20 y=+7 style=section "Signature et/ou cachet de l'institution / Signature and/or stamp of the institution"
rect x=20 y=+2.5 width=170 height=41.5 stroke=line line=0.75
# The seal (SEAL.md) sits in the box's right part, beside the stamp: the institution's signature in machine form.
seal x=144 y=same+1.5 width=44 module=0.42 align=centre style=seal
rect x=116 y=same width=22 height=22 stroke=eu-blue line=1 radius=11 figure="Cachet de l'institution"
text x=116 y=same+9.2 width=22 style=stamp align=centre figure="Cachet de l'institution" "Assurance"
text x=116 y=same+7pt width=22 style=stamp align=centre figure="Cachet de l'institution" "Maladie"
text x=116 y=same+7pt width=22 style=stamp align=centre figure="Cachet de l'institution" "n° {institutionID}"
# Back up to the box's top (the stamp's last line is 14.14 mm below the seal's top, 15.64 mm below the box's).
text name=signatureName x=24 y=same-9.64 width=88 style=label fit=wrap max-lines=4 min-size=6 "{institutionName}"
text name=signatureAddress x=24 y=after+4.5 width=88 style=body fit=wrap max-lines=5 min-size=6 "{institutionAddress}"
text name=signaturePhone x=24 y=after+4.6 width=88 style=body fit=wrap max-lines=2 min-size=6 "Téléphone / Telephone : {institutionPhone}"

# The note of annex II: the card's norms for eye-readable data apply to the certificate's data.
text name=note x=20 y=+9 width=170 style=body fit=wrap "Les normes applicables aux données lisibles à vue de la carte européenne d'assurance maladie (décision S2, annexe I) s'appliquent aux données du présent certificat. Dates au format JJ/MM/AAAA."
text name=note-en x=20 y=+4.5 width=170 style=body-en fit=wrap "The norms for the eye-readable data of the European Health Insurance Card (Decision S2, Annex I) apply to the data of this certificate. Dates in DD/MM/YYYY format."
