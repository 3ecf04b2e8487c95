groups-title = Znajdź grupę – Doorstart
groups-heading = Znajdź grupę w pobliżu
groups-intro = W grupie rozmawiasz z innymi rodzicami, którzy też samodzielnie wychowują dzieci. Zapraszamy, także gdy Twoje dziecko ma 4 lata lub więcej.
postcode-label = Twój kod pocztowy
postcode-hint = Na przykład 7607 lub 7607 AB
postcode-invalid = To nie jest kod pocztowy. Kod ma 4 cyfry, czasem z 2 literami. Na przykład 7607 AB.
postcode-unknown = Nie znamy kodu { $postcode }. Sprawdź cyfry. Albo spróbuj kodu pobliskiej miejscowości.
filters-summary = Więcej wyborów
filter-age-label = Wiek dziecka (lata)
filter-language-label = Język w grupie
filter-day-label = Dzień
filter-kids-label = Dzieci mogą przyjść albo jest opieka nad dziećmi
filter-any = Obojętnie
search-button = Szukaj
results-heading =
    { $count ->
        [one] 1 grupa w pobliżu: { $place }
        [few] { $count } grupy w pobliżu: { $place }
       *[other] { $count } grup w pobliżu: { $place }
    }
results-nearest-heading = Grupy najbliżej Ciebie
results-none-close = W promieniu 10 km od { $place } nie ma jeszcze grupy. Poniżej widzisz najbliższe grupy.
start-group-invite = Chcesz założyć własną grupę? Chętnie pomożemy.
start-group-link = Daj nam znać
online-heading = Grupy online
attribution-geonames = Postcode data © GeoNames (geonames.org), CC-BY 4.0
distance-from-you = { $km } km · { $place }
group-online = Online, przez wideo
rhythm-weekly = Co tydzień, { $day } o { $time }
rhythm-fortnightly = Co dwa tygodnie, { $day } o { $time }
rhythm-monthly = Raz w miesiącu, { $day } o { $time }
group-ages = Dzieci od { $min } do { $max } lat
group-children-welcome = Dzieci mogą przyjść
group-childcare = Jest opieka nad dziećmi
group-no-children = Do tej grupy dzieci nie mogą przychodzić.
cost-free = Bezpłatnie
cost-amount = { $amount } za każdym razem
group-next-meetup = Następny raz: { $date }, { $time }
group-first-visit = Twój pierwszy raz
group-facilitator = Prowadzi: { $name }
group-place = Gdzie
group-route = Trasa na mapie
group-meetups = Najbliższe spotkania
meetup-when = { $date }, { $start } – { $end }
meetup-capacity = miejsce dla { $count } osób
meetup-cancelled = Odwołane:
group-share = Udostępnij tę grupę
share-text = Zobacz tę grupę dla rodziców: { $name } { $url }
share-whatsapp = Udostępnij przez WhatsApp
share-sms = Udostępnij SMS-em
group-join = Chcę dołączyć
