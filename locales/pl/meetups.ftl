meetup-places-left =
    { $count ->
        [one] Zostało 1 miejsce
        [few] Zostały { $count } miejsca
       *[other] Zostało { $count } miejsc
    }
meetup-full = Brak miejsc. Możesz zapisać się na listę oczekujących.
meetup-is-cancelled = To spotkanie jest odwołane.
meetup-add-calendar = Dodaj do kalendarza
meetup-about-group = O grupie
rsvp-heading = Przyjdę
rsvp-adults-label = Ile osób dorosłych przyjdzie? (razem z Tobą)
rsvp-children-label = Ile dzieci przyprowadzisz?
rsvp-privacy = Przechowujemy tylko Twoje imię, liczby i adres e-mail, jeśli go podasz. Usuwamy je 30 dni po spotkaniu.
rsvp-submit = Przyjdę
rsvp-adults-invalid = Wybierz liczbę od 1 do 5.
rsvp-children-invalid = Wybierz liczbę od 0 do 10.
rsvp-title = Przychodzisz – Doorstart
rsvp-coming-heading = Dobrze, że przyjdziesz, { $name }!
rsvp-waiting-heading = { $name }, jesteś na liście oczekujących
rsvp-party = dorośli: { $adults }, dzieci: { $children }
rsvp-waiting-text = Jeśli zwolni się miejsce, będzie Twoje. Sprawdź na tej stronie, czy masz miejsce.
rsvp-cancel = Jednak nie mogę przyjść
rsvp-cancelled-title = Nie przyjdziesz
rsvp-cancelled-text = Nic nie szkodzi. Usunęliśmy Twoje imię. Zapraszamy innym razem.
rsvp-email-label = Twój adres e-mail (nie jest wymagany)
rsvp-email-hint = Używamy go tylko, aby napisać do Ciebie, gdy dostaniesz miejsce, wrócisz na listę oczekujących albo spotkanie zostanie odwołane. Usuwamy go razem z Twoim zgłoszeniem.
rsvp-email-invalid = Ten adres e-mail jest niepoprawny. Przykład: imie@example.nl. Albo zostaw to pole puste.
rsvp-moved-up = Dobra wiadomość: zwolniło się miejsce. Masz teraz miejsce.
rsvp-moved-down = Jest teraz mniej miejsc. Znów jesteś na liście oczekujących.
rsvp-mails-you = Jeśli coś się zmieni, napiszemy na podany adres.
meetup-theme-language = Rozwój mowy dzieci
meetup-theme-stress = Mniej stresu
meetup-theme-parenting = Wychowanie dzieci
meetup-theme-practical = Praktyczna pomoc: opieka nad dziećmi, dojazd, jedzenie, pieniądze
meetup-theme-meeting = Poznawanie się nawzajem
meetup-theme-line = Temat: { $theme }
meetup-kind-workshop = Warsztat
meetup-guest-line = Gość: { $guest }
rsvp-changed-time = Uwaga: zmienił się czas. Teraz: { $when }
rsvp-changed-place = Uwaga: zmieniło się miejsce. Teraz: { $place }
keep-rsvp-text = Z tym linkiem sprawdzisz, czy Twoje miejsce nadal jest. Możesz też nim odwołać przyjście. Wyślij go sobie:
rsvp-cancel-confirm-title = Jednak nie możesz przyjść?
rsvp-cancel-confirm-what = Wtedy zwolnimy Twoje miejsce w grupie { $group } w dniu { $date }. Usuniemy imię, liczbę osób i adres e-mail, jeśli jest podany.
rsvp-cancel-confirm-waiting = Wtedy ktoś z listy oczekujących może dostać Twoje miejsce.
rsvp-cancel-confirm-final = Tego nie da się cofnąć. Ten link potem przestanie działać.
rsvp-cancel-confirm-yes = Tak, zwolnij moje miejsce
rsvp-cancel-confirm-no = Nie, nie odwołuj
