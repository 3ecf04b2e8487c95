# Mails. Facilitator mails may carry English words outside Dutch; a mail never holds a parent's name or words.
mail-join-new-subject = Nieuwe aanmelding voor je groep
mail-join-new-body = Er is een nieuwe aanmelding voor je groep. Log in om die te zien.
mail-footer = Deze mail komt van Doorstart. Op deze mail kun je niet antwoorden.
admin-mail-off = Mail staat uit: er gaan geen mails weg. Zet DOORSTART_SMTP_URL en DOORSTART_MAIL_FROM om mail aan te zetten.
mail-join-reminder-subject = Herinnering: er wacht een aanmelding
mail-join-reminder-body = Een aanmelding voor je groep wacht nog op contact. Log in om die te zien. We beloven de ouder contact binnen 7 dagen.
mail-join-escalated-subject = Een aanmelding is over de 7 dagen
mail-join-escalated-body = Bij een aanmelding is er na 7 dagen nog geen contact. De aanmelding staat nu op jouw lijst als coördinator. Log in om die te zien.
mail-join-contacted-subject = Nieuws over je aanmelding
mail-join-contacted-body = Er is nieuws over je aanmelding bij Doorstart: de begeleider heeft contact met je opgenomen. Open de link die je hebt bewaard om je aanvraag te zien.
mail-help-digest-subject = Nieuwe hulpvragen
mail-help-digest-body = Er zijn nieuwe hulpvragen binnengekomen. Log in om ze te lezen. Je krijgt hierover hoogstens één mail per uur.
mail-reset-subject = Nieuw wachtwoord kiezen
mail-reset-body = Iemand vroeg een nieuw wachtwoord voor je account bij Doorstart. Was jij dat? Kies dan met deze link een nieuw wachtwoord. De link werkt 1 uur en één keer. Was jij het niet? Dan hoef je niets te doen.
mail-help-answered-subject = Er is een antwoord op je vraag
mail-help-answered-body = Er is een antwoord op je vraag bij Doorstart. Open de link en typ je ophaalcode. In deze mail staat niets over je vraag of het antwoord.
