# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: grupy wsparcia w pobliżu, anonimowa pomoc i przewodniki krok po kroku dla rodziców, którzy samotnie wychowują dzieci. Bezpłatnie i w Twoim języku.
seo-desc-finder = Znajdź grupę wsparcia dla rodziców w pobliżu. Wpisz kod pocztowy i zobacz, gdzie i kiedy spotyka się grupa.
seo-desc-group = Grupa wsparcia dla rodziców: gdzie i kiedy się spotyka, dla kogo jest i jak dołączyć.
seo-desc-meetup = Spotkanie grupy wsparcia dla rodziców: data, godzina, miejsce i jak dać znać, że przyjdziesz.
seo-desc-guides = Przewodniki krok po kroku: zasiłki, pieniądze, czynsz, opieka nad dziećmi i więcej. Prostymi słowami, w Twoim języku.
seo-desc-guide = Przewodnik krok po kroku prostymi słowami: do zachowania, wydrukowania lub odsłuchania.
seo-desc-help = Zadaj pytanie doświadczonemu rodzicowi lub opiekunowi grupy, anonimowo. Nie musisz podawać imienia.
seo-desc-checkin = Jak się masz? Krótka ankieta dla rodziców, z pomocą w pobliżu, jeśli chcesz.
seo-desc-privacy = Jakie dane przechowuje Doorstart, dlaczego i jak długo. I jak poprosić o ich usunięcie.
seo-desc-accessibility = Jak dostępny jest Doorstart: co działa, co jeszcze nie i jak zgłosić problem.
seo-desc-what-happens = Co się dzieje, gdy się zgłaszasz lub zadajesz pytanie? Wyjaśnione krok po kroku.
