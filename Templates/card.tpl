# D_CARD — the digital European Health Insurance Card, front side (EU Decision S2, annex I; DOMAIN.md).
# Language: Templates/README.md. Lengths in millimetres unless written with "pt"; font sizes and lines in points.
document card
page size=id1 background=white
info title="Carte européenne d'assurance maladie" author="Assurance Maladie — {institutionName}"

font sans face=sans
font bold face=sans-bold

colour eu-blue hex=003399
colour eu-gold hex=FFCC00
colour caption hex=33447A
colour edge hex=AEB7CC

# The data: 7 pt at true size, black, characters compressed to 90 %, line spacing = the size + 3 pt (S2).
style data font=sans size=7 colour=black scale=0.9 leading=10
# Pre-printed parts of the card: the captions of fields 3 to 9, the title, the code in the mark.
style caption font=sans size=4.6 colour=caption
style title font=bold size=7.5 colour=eu-blue leading=9
style code font=bold size=7 colour=eu-blue

# The card's edge (ISO/IEC 7810 ID-1, corner radius 3.18 mm): the cutting guide of the printed card.
rect x=0.2 y=0.2 width=85.2 height=53.58 stroke=edge line=0.5 radius=3.18

# Field 1: the title. Field 2: the European mark, the issuing state's code in a 4 × 4 mm white square.
text name=field1 x=5 y=8 width=54 style=title fit=wrap max-lines=2 "CARTE EUROPÉENNE D'ASSURANCE MALADIE"
mark x=62.6 y=3.5 width=19 height=12.7 field=eu-blue stars=eu-gold square=4 style=code "{issuingState}"

# Fields 3 to 9: caption, then the data on the same baseline; one data line every 10 pt.
# The data boxes end at the right border (81.6 mm); fields 6 and 7 are aligned to it.
text x=5 y=24 style=caption "3 Nom"
text name=field3 x=24 y=same width=57.6 style=data fit=abbreviate "{lastName}"
text x=5 y=+10pt style=caption "4 Prénoms"
text name=field4 x=24 y=same width=57.6 style=data fit=abbreviate "{givenNames}"
text x=5 y=+10pt style=caption "5 Date de naissance"
text name=field5 x=24 y=same width=57.6 style=data "{birthDate}"
text x=5 y=+10pt style=caption "6 Numéro d'identification personnel"
text name=field6 x=36 y=same width=45.6 style=data align=right fit=abbreviate "{personalNumber}"
text x=5 y=+10pt style=caption "7 Numéro d'identification de l'institution"
text name=field7 x=42 y=same width=39.6 style=data align=right fit=abbreviate "{institutionCardField}"
text x=5 y=+10pt style=caption "8 Numéro d'identification de la carte"
text name=field8 x=38 y=same width=43.6 style=data "{cardNumber}"
text x=5 y=+10pt style=caption "9 Date d'expiration"
text name=field9 x=24 y=same width=57.6 style=data "{expiryDate}"
