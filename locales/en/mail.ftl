# Mails. Facilitator mails may carry English words outside Dutch; a mail never holds a parent's name or words.
mail-join-new-subject = New join request for your group
mail-join-new-body = There is a new join request for your group. Sign in to see it.
mail-footer = This mail comes from Doorstart. You cannot reply to this mail.
admin-mail-off = Mail is off: no mail goes out. Set DOORSTART_SMTP_URL and DOORSTART_MAIL_FROM to turn it on.
