admin-monitoring = Monitoring
monitoring-title = Monitoring van de pilot
monitoring-intro = Cijfers per maand en per gemeente. Alleen totalen: niemand is te herkennen. Aantallen onder de 5 staan er als <5.
monitoring-from = Van maand
monitoring-to = Tot en met maand
monitoring-month-hint = Bijvoorbeeld 2026-01
monitoring-show = Toon
monitoring-report-link = Rapport van één pagina
monitoring-csv = Download als CSV
monitoring-month = Maand
monitoring-municipality = Gemeente
monitoring-activity = Groepen en bijeenkomsten
monitoring-groups-active = Actieve groepen
monitoring-meetups-held = Bijeenkomsten gehouden
monitoring-adults = Volwassenen aanwezig
monitoring-children = Kinderen aanwezig
monitoring-joins = Aanmeldingen voor groepen
monitoring-joins-chart = Aanmeldingen per maand
monitoring-join-requests = Aanmeldingen
monitoring-contacted-7 = Binnen 7 dagen contact
monitoring-median-days = Mediaan dagen tot contact
monitoring-joined = Doet mee
monitoring-help = Hulpvragen
monitoring-help-chart = Hulpvragen per maand
monitoring-help-requests = Hulpvragen
monitoring-median-hours = Mediaan uren tot eerste antwoord
monitoring-answered-2 = Binnen 2 dagen antwoord
monitoring-by-theme = Per onderwerp
monitoring-theme = Onderwerp
monitoring-by-language = Per taal
monitoring-language = Taal
monitoring-guides = Gidsen
monitoring-guide = Gids
monitoring-views = Keer bekeken
monitoring-helped-yes = Had er iets aan
monitoring-helped-no = Had er niets aan
monitoring-misses = Waar een groep ontbreekt
monitoring-misses-intro = Zoekopdrachten zonder groep binnen 10 km, per postcode (4 cijfers).
monitoring-misses-chart = Zoekopdrachten zonder groep dichtbij, per postcode
monitoring-pc4 = Postcode
monitoring-place = Plaats
monitoring-searches = Zoekopdrachten zonder groep
monitoring-privacy = Alleen tellingen, zonder namen, adressen of apparaten. Aantallen van 1 tot 4 staan er als <5; percentages en medianen pas vanaf 5.
monitoring-report-title = Doorstart: cijfers van { $from } tot en met { $to }
monitoring-report-intro = Samenvatting voor de gemeenteraad. Alle cijfers zijn totalen over de hele periode.
monitoring-per-month = Per maand
monitoring-table = Tabel: { $name }
monitoring-interpreter = Tolk gevraagd
monitoring-by-interpreter = Tolk gevraagd, per taal
monitoring-interpreter-language = Taal van de tolk
monitoring-referred-professional = Aanmeldingen na een tip van een professional (wijkteam, consultatiebureau, school, huisarts)
monitoring-joined-four-plus = Gezinnen met een kind van 4 jaar of ouder die meedoen (uit de leeftijden die ouders gaven)
monitoring-help-cap =
    Het maximum aantal nieuwe hulpvragen per uur is in deze periode bereikt op { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    }; { $turned ->
        [one] 1 vraag kon
       *[other] { $turned } vragen konden
    } niet worden gesteld. Zet DOORSTART_HELP_PER_HOUR hoger of zoek meer vrijwilligers. Dagen:
monitoring-outcomes = Voelen ouders zich minder alleen? (check-in)
monitoring-outcomes-intro = Ouders vullen vrijwillig en zonder naam de check-in in: aan het begin, na 3 en na 6 maanden. Hier staan alleen aantallen. Aantallen van 1 tot 4 zijn verborgen; een percentage staat er alleen als geen van beide delen verborgen is.
monitoring-outcomes-summary = De check-in over de hele periode, naast de landelijke cijfers van het CBS
monitoring-outcomes-quarters = Per kwartaal
monitoring-outcomes-how = Gemeten met de zes zinnen van de korte eenzaamheidsschaal van De Jong Gierveld, zoals het CBS die vraagt. Per zin telt het eenzame antwoord als 1, ook 'min of meer'. Totaal 0–1: niet eenzaam, 2–4: matig eenzaam, 5–6: sterk eenzaam. Een overgeslagen zin maakt de score leeg, nooit 0. Tevredenheid: 0–10, 7 of hoger is tevreden. De verandering vergelijkt de latere check-in met de eerste van dezelfde ouder. Alleen de Nederlandse zinnen zijn gevalideerd. Bronnen van de landelijke cijfers:
monitoring-measure = Maat
monitoring-cbs = CBS, landelijk
monitoring-quarter = Kwartaal
monitoring-moment = Moment
monitoring-moment-start = Begin
monitoring-moment-3m = Na 3 maanden
monitoring-moment-6m = Na 6 maanden
monitoring-checkins = Check-ins
monitoring-scored = Met een eenzaamheidsscore
monitoring-not-lonely = Niet eenzaam
monitoring-moderately = Matig eenzaam
monitoring-strongly = Sterk eenzaam
monitoring-emotional = Emotioneel eenzaam
monitoring-social = Sociaal eenzaam
monitoring-life-mean = Tevredenheid met het leven (gemiddeld, 0–10)
monitoring-satisfied = Tevreden (7–10)
monitoring-help-yes = Iemand die helpt met de kinderen
monitoring-unvalidated = In een niet-gevalideerde vertaling
monitoring-paired = Te vergelijken met het begin
monitoring-change-loneliness = Verandering eenzaamheidsscore (gemiddeld)
monitoring-less-lonely = Minder eenzaam dan aan het begin
monitoring-change-life = Verandering tevredenheid (gemiddeld)
monitoring-referrals = Wie stuurde ouders, per maand
monitoring-referrals-intro = Aanmeldingen per maand naar het antwoord op 'Wie stuurde je?' (een soort bron, nooit een naam), en gezinnen die meedoen met een kind van 4 jaar of ouder.
monitoring-referral-not-given = Niet ingevuld

# "Tell me when a group starts near me" (issue 23 point 5)
monitoring-waiting = Ouders die wachten op een groep
monitoring-waiting-intro = Ouders die een mail willen als er een groep binnen 10 km begint, en hun adres hebben bevestigd: nu, per postcodegebied. Alleen aantallen; minder dan 5 tonen we als "<5". Hier kan een nieuwe groep helpen.
monitoring-waiting-count = Wachtende ouders
monitoring-meetup-themes = Thema's van bijeenkomsten
monitoring-meetup-theme = Thema
