meetup-places-left =
    { $count ->
        [one] Nog 1 plek vrij
       *[other] Nog { $count } plekken vrij
    }
meetup-full = Vol. Je kunt op de wachtlijst.
meetup-is-cancelled = Deze bijeenkomst gaat niet door.
meetup-add-calendar = Zet in je agenda
meetup-about-group = Over de groep
rsvp-heading = Ik kom
rsvp-adults-label = Met hoeveel volwassenen kom je? (jij meegeteld)
rsvp-children-label = Hoeveel kinderen neem je mee?
rsvp-privacy = We bewaren alleen je voornaam, het aantal en, als je het geeft, je e-mailadres. We wissen het 30 dagen na de bijeenkomst.
rsvp-submit = Ik kom
rsvp-adults-invalid = Kies een aantal van 1 tot 5.
rsvp-children-invalid = Kies een aantal van 0 tot 10.
rsvp-title = Je komt – Doorstart
rsvp-coming-heading = Fijn dat je komt, { $name }!
rsvp-waiting-heading = { $name }, je staat op de wachtlijst
rsvp-party =
    { $adults ->
        [one] 1 volwassene
       *[other] { $adults } volwassenen
    }, { $children ->
        [one] 1 kind
       *[other] { $children } kinderen
    }
rsvp-waiting-text = Komt er een plek vrij? Dan krijg jij die. Kijk op deze pagina of je plek er is.
rsvp-cancel = Ik kan toch niet komen
rsvp-cancelled-title = Je komt niet
rsvp-cancelled-text = Dat is goed. We hebben je naam gewist. Je bent een andere keer van harte welkom.
rsvp-email-label = Je e-mailadres (hoeft niet)
rsvp-email-hint = We gebruiken het alleen om je te mailen als je een plek krijgt, als je weer op de wachtlijst komt of als de bijeenkomst niet doorgaat. We wissen het samen met je aanmelding.
rsvp-email-invalid = Dit e-mailadres klopt niet. Een voorbeeld: naam@voorbeeld.nl. Of laat het leeg.
rsvp-moved-up = Goed nieuws: er is een plek vrijgekomen. Je hebt nu een plek.
rsvp-moved-down = Er zijn nu minder plekken. Je staat weer op de wachtlijst.
rsvp-mails-you = Verandert er iets? Dan mailen we je op het adres dat je gaf.
meetup-theme-language = Taalontwikkeling van kinderen
meetup-theme-stress = Minder stress
meetup-theme-parenting = Opvoeden
meetup-theme-practical = Praktische hulp: opvang, vervoer, eten, geld
meetup-theme-meeting = Elkaar ontmoeten
meetup-theme-line = Thema: { $theme }
meetup-kind-workshop = Workshop
meetup-guest-line = Met als gast: { $guest }
rsvp-changed-time = Let op: de tijd is veranderd. Nu: { $when }
rsvp-changed-place = Let op: de plek is veranderd. Nu: { $place }
keep-rsvp-text = Met deze link zie je of je plek er nog is. Je kunt er ook mee afzeggen. Stuur hem naar jezelf:
rsvp-cancel-confirm-title = Kun je toch niet komen?
rsvp-cancel-confirm-what = Dan zeggen we je plek af bij { $group } op { $date }. We wissen je naam, het aantal en je e-mailadres als je dat gaf.
rsvp-cancel-confirm-waiting = Iemand van de wachtlijst kan dan je plek krijgen.
rsvp-cancel-confirm-final = Dit kun je niet terugdraaien. Deze link werkt daarna niet meer.
rsvp-cancel-confirm-yes = Ja, zeg mijn plek af
rsvp-cancel-confirm-no = Nee, niet afzeggen
