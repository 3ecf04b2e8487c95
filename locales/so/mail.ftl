# Mails. Facilitator mails may carry English words outside Dutch; a mail never holds a parent's name or words.
mail-join-new-subject = New join request for your group
mail-join-new-body = There is a new join request for your group. Sign in to see it.
mail-footer = Iimaylkan wuxuu ka yimid Doorstart. Looma jawaabi karo iimaylkan.
admin-mail-off = Mail is off: no mail goes out. Set DOORSTART_SMTP_URL and DOORSTART_MAIL_FROM to turn it on.
mail-join-reminder-subject = Reminder: a join request is waiting
mail-join-reminder-body = A join request for your group is still waiting for contact. Sign in to see it. The promise to the parent is contact within 7 days.
mail-join-escalated-subject = A join request passed its 7 days
mail-join-escalated-body = A join request had no contact within 7 days. It is now on your list as coordinator. Sign in to see it.
mail-join-contacted-subject = War ku saabsan codsigaaga
mail-join-contacted-body = War ayaa ku saabsan codsigaaga Doorstart: hoggaamiyaha ayaa kula soo xiriiray. Fur linkiga aad kaydsatay si aad u aragto codsigaaga.
mail-help-digest-subject = New help questions
mail-help-digest-body = New help questions came in. Sign in to read them. You get at most one mail an hour about this.
mail-reset-subject = Choose a new password
mail-reset-body = Someone asked for a new password for your Doorstart account. Was it you? Then choose a new password with this link. The link works for 1 hour, once. Was it not you? Then you need not do anything.
mail-help-answered-subject = Su’aashaada jawaab ayaa u jirta
mail-help-answered-body = Su’aashaada Doorstart jawaab ayaa u jirta. Fur linkiga oo qor koodhkaaga qaadashada. Iimaylkani waxba kama sheegayo su’aashaada ama jawaabta.
