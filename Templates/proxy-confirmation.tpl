# D_PROXY — confirmation of an online proxy (procuration en ligne; DOMAIN.md P_FIELDS, P_VALIDITY, P_SCOPE).
# Language: Templates/README.md. Lengths in millimetres unless written with "pt"; font sizes and lines in points.
document proxy-confirmation
page size=a4 margin-bottom=15
info title="Confirmation de procuration en ligne" author="Assurance Maladie"

font sans face=sans
font bold face=sans-bold

colour brand hex=003399
colour grey hex=4F5563
colour line hex=A9B3C9

style brand font=bold size=15 colour=brand
style issuer font=sans size=8.5 colour=grey leading=11
style title font=bold size=15 colour=brand leading=18
style lead font=sans size=10 leading=13
style label font=sans size=9 colour=grey leading=11.5
style value font=bold size=10 leading=12.5
style section font=bold size=10.5 colour=brand
style footer font=sans size=8 colour=grey
style body font=sans size=9.5 leading=12.5
style seal font=sans size=6 colour=grey leading=7.5

text x=20 y=22 style=brand "Assurance Maladie"
text x=20 y=+5.5 width=100 style=issuer "Procuration en ligne — compte ameli"
text name=reference x=20 y=+4 width=100 style=issuer fit=wrap max-lines=2 "Référence : {proxyID}"

text name=title x=20 y=50 width=170 style=title fit=wrap "Confirmation de votre procuration en ligne"
text name=summary x=20 y=+7 width=170 style=lead fit=wrap max-lines=6 min-size=6.5 "{insuredName}, vous avez donné procuration à {holderCivility} {holderLastName} pour vous représenter auprès de votre caisse d'assurance maladie."
rule x=20 y=+5 width=170 colour=line line=0.75

# The holder's identity (P_FIELDS): the usage name only when there is one.
text x=20 y=+7.5 style=section "Votre mandataire"
rule x=20 y=+2 width=170 colour=line
text x=20 y=+6.5 width=55 style=label "Civilité"
text name=holderCivility x=82 y=same width=108 style=value "{holderCivility}"
text x=20 y=+5.5 width=55 style=label "Nom"
text name=holderLastName x=82 y=same width=108 style=value fit=wrap max-lines=2 min-size=7 then=abbreviate "{holderLastName}"
text x=20 y=+5.5 width=55 style=label when=holderUsageName "Nom d'usage"
text name=holderUsageName x=82 y=same width=108 style=value fit=wrap max-lines=2 min-size=7 then=abbreviate when=holderUsageName "{holderUsageName}"
text x=20 y=+5.5 width=55 style=label "Prénom"
text name=holderFirstName x=82 y=same width=108 style=value fit=wrap max-lines=2 min-size=7 then=abbreviate "{holderFirstName}"
text x=20 y=+5.5 width=55 style=label "Date de naissance"
text name=holderBirthDate x=82 y=same width=108 style=value "{holderBirthDate}"

# Validity (P_VALIDITY): operational at once, until creation + 1 month inclusive.
text x=20 y=+7.5 style=section "Validité"
rule x=20 y=+2 width=170 colour=line
text x=20 y=+6.5 width=55 style=label "Créée le"
text name=created x=82 y=same width=108 style=value "{createdDate} à {createdTime} (heure de Paris)"
text x=20 y=+5.5 width=55 style=label "Valable jusqu'au"
text name=validUntil x=82 y=same width=108 style=value "{validUntil} inclus"

# Scope, exclusions and instructions (P_SCOPE), as the rules word them.
text x=20 y=+7.5 style=section "Ce que couvre la procuration"
rule x=20 y=+2 width=170 colour=line
text name=scope x=20 y=+6.5 width=170 style=body fit=wrap "{scope}"
text x=20 y=+7.5 style=section "Exclusions"
rule x=20 y=+2 width=170 colour=line
text name=exclusions x=20 y=+6.5 width=170 style=body fit=wrap "{exclusions}"
text x=20 y=+7.5 style=section "Ce que vous devez faire"
rule x=20 y=+2 width=170 colour=line
list name=instructions x=20 y=+6.5 width=170 style=body bullet="•" indent=5 gap=2 items=instructions

# The seal (SEAL.md), right-aligned after the content and inside the margins: the page's overflow check covers it.
seal x=20 y=+6 width=170 module=0.42 align=right style=seal

# Footer, at a fixed place at the bottom of the page.
rule x=20 y=281 width=170 colour=line
text name=footer artifact=pagination x=20 y=285 width=170 style=footer fit=wrap max-lines=2 min-size=6 "Assurance Maladie — procuration en ligne — référence {proxyID}"
