# Mails. Facilitator mails may carry English words outside Dutch; a mail never holds a parent's name or words.
mail-join-new-subject = Nieuwe aanmelding voor je groep
mail-join-new-body = Er is een nieuwe aanmelding voor je groep. Log in om die te zien.
mail-footer = Deze mail komt van Doorstart. Op deze mail kun je niet antwoorden.
admin-mail-off = Mail staat uit: er gaan geen mails weg. Zet DOORSTART_SMTP_URL en DOORSTART_MAIL_FROM om mail aan te zetten.
