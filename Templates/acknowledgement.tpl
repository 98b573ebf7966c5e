# D_ACK — acknowledgement of receipt of an online request (Code des relations entre le public et
# l'administration, art. L112-11 and R112-11-1; DOMAIN.md). One template for every procedure kind: what was asked,
# for whom and what happens next come from the record.
# Language: Templates/README.md. Lengths in millimetres unless written with "pt"; font sizes and lines in points.
document acknowledgement
page size=a4 margin-bottom=15
info title="Accusé de réception — {procedure}" author="Assurance Maladie — {institutionName}"

font sans face=sans
font bold face=sans-bold

colour brand hex=003399
colour grey hex=4F5563
colour line hex=A9B3C9

style brand font=bold size=15 colour=brand
style issuer font=sans size=8.5 colour=grey leading=11
style addressee font=bold size=10 leading=12.5
style addressee-note font=sans size=8.5 colour=grey leading=11
style title font=bold size=15 colour=brand leading=18
style subject font=bold size=10 leading=12.5
style label font=sans size=9 colour=grey leading=11.5
style value font=bold size=10 leading=12.5
style section font=bold size=10.5 colour=brand
style body font=sans size=9.5 leading=12.5
style legal font=sans size=8 colour=grey leading=10.5
style seal font=sans size=6 colour=grey leading=7.5

# Header: the organisation handling the request, with its postal address and telephone number.
text x=20 y=22 style=brand "Assurance Maladie"
text name=serviceName x=20 y=+5.5 width=88 style=issuer fit=wrap max-lines=4 min-size=6.5 "{institutionName}"

# Addressee: the insured, in their secure inbox.
text name=insuredName x=112 y=42 width=78 style=addressee fit=wrap max-lines=6 min-size=7 "{insuredName}"
text x=112 y=+4.5 width=78 style=addressee-note fit=wrap "Messagerie de votre compte ameli"

text name=title x=20 y=+11 width=170 style=title fit=wrap "Accusé de réception de votre demande en ligne"
text name=subject x=20 y=+7 width=170 style=subject fit=wrap "Objet : {subject}"
rule x=20 y=+4 width=170 colour=line line=0.75

# What was received, when, for whom, under which reference, and who handles it.
text x=20 y=+8 width=58 style=label fit=wrap "Demande reçue le"
text name=received x=82 y=same width=108 style=value fit=wrap "{receivedDate} à {receivedTime} (heure de Paris)"
text x=20 y=+6 width=58 style=label fit=wrap "Votre demande"
text name=procedure x=82 y=same width=108 style=value fit=wrap "{procedure}"
text x=20 y=+6 width=58 style=label fit=wrap "Personne concernée"
text name=concerning x=82 y=same width=108 style=value fit=wrap max-lines=6 min-size=6 "{concerning}"
text x=20 y=+6 width=58 style=label fit=wrap "Référence de la demande"
text name=reference x=82 y=same width=108 style=value fit=wrap max-lines=2 "{reference}"
text x=20 y=+6 width=58 style=label fit=wrap "Service chargé de votre demande"
text name=service x=82 y=same width=108 style=value fit=wrap max-lines=4 min-size=6.5 "{institutionName}"
text name=serviceAddress x=82 y=+4.6 width=108 style=body fit=wrap max-lines=5 min-size=6.5 "{institutionAddress}"
text name=servicePhone x=82 y=+4.6 width=108 style=body fit=wrap max-lines=2 "Téléphone : {institutionPhone}"

# What happens next (card sent by post, certificate available, card cancelled …), from the rules.
text x=20 y=+8.5 style=section "Suite donnée à votre demande"
rule x=20 y=+2 width=170 colour=line
list name=nextSteps x=20 y=+6.5 width=170 style=body bullet="•" indent=5 gap=2 items=nextSteps

# The legal basis, with the seal (SEAL.md) beside it on the right: the seal shares the legal text's lines instead of
# adding its height under them (the page's overflow check covers both).
rule x=20 y=+6.5 width=170 colour=line
text name=legal x=20 y=+5.5 width=118 style=legal fit=wrap "Le présent accusé de réception vous est délivré en application des articles L112-11 et R112-11-1 du code des relations entre le public et l'administration. Conservez-le : il atteste la date de réception de votre demande."
seal x=146 y=same-2.5 width=44 module=0.42 align=right style=seal

# Footer, at a fixed place at the bottom of the page.
rule x=20 y=281 width=170 colour=line
text name=footer artifact=pagination x=20 y=285 width=170 style=legal fit=wrap max-lines=3 min-size=6 "Assurance Maladie — {institutionName} — référence {reference}"
