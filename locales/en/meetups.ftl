meetup-places-left =
    { $count ->
        [one] 1 place left
       *[other] { $count } places left
    }
meetup-full = Full. You can join the waiting list.
meetup-is-cancelled = This meetup is cancelled.
meetup-add-calendar = Add to your calendar
meetup-about-group = About the group
rsvp-heading = I am coming
rsvp-adults-label = How many adults are coming? (you included)
rsvp-children-label = How many children are you bringing?
rsvp-privacy = We only keep your first name, the numbers and, if you give it, your e-mail address. We delete them 30 days after the meetup.
rsvp-submit = I am coming
rsvp-adults-invalid = Choose a number from 1 to 5.
rsvp-children-invalid = Choose a number from 0 to 10.
rsvp-title = You are coming – Doorstart
rsvp-coming-heading = Good that you are coming, { $name }!
rsvp-waiting-heading = { $name }, you are on the waiting list
rsvp-party =
    { $adults ->
        [one] 1 adult
       *[other] { $adults } adults
    }, { $children ->
        [one] 1 child
       *[other] { $children } children
    }
rsvp-waiting-text = If a place becomes free, it is yours. Check this page to see if you have a place.
rsvp-cancel = I cannot come after all
rsvp-cancelled-title = You are not coming
rsvp-cancelled-text = That is fine. We have deleted your name. You are very welcome another time.
rsvp-email-label = Your e-mail address (not required)
rsvp-email-hint = We only use it to mail you when you get a place, when you go back on the waiting list, or when the meetup is cancelled. We delete it with your sign-up.
rsvp-email-invalid = This e-mail address is not right. An example: name@example.nl. Or leave it empty.
rsvp-moved-up = Good news: a place came free. You have a place now.
rsvp-moved-down = There are fewer places now. You are on the waiting list again.
rsvp-mails-you = If something changes, we mail you at the address you gave.
meetup-theme-language = Children's language development
meetup-theme-stress = Less stress
meetup-theme-parenting = Raising children
meetup-theme-practical = Practical help: childcare, transport, food, money
meetup-theme-meeting = Meeting each other
meetup-theme-line = Theme: { $theme }
meetup-kind-workshop = Workshop
meetup-guest-line = Guest: { $guest }
rsvp-changed-time = Please note: the time has changed. Now: { $when }
rsvp-changed-place = Please note: the place has changed. Now: { $place }
keep-rsvp-text = With this link you can see if your place is still there. You can also cancel with it. Send it to yourself:
rsvp-cancel-confirm-title = You cannot come after all?
rsvp-cancel-confirm-what = Then we give up your place at { $group } on { $date }. We delete your name, the number of people and your e-mail address if you gave one.
rsvp-cancel-confirm-waiting = Someone on the waiting list can then get your place.
rsvp-cancel-confirm-final = You cannot undo this. This link will stop working.
rsvp-cancel-confirm-yes = Yes, give up my place
rsvp-cancel-confirm-no = No, do not cancel
