# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: praatgroepen dichtbij, anonieme hulp en stap-voor-stap uitleg voor ouders die alleen kinderen opvoeden. Gratis en in je eigen taal.
seo-desc-finder = Zoek een praatgroep voor ouders bij jou in de buurt. Vul je postcode in en zie waar en wanneer een groep samenkomt.
seo-desc-group = Een praatgroep voor ouders: waar en wanneer de groep samenkomt, voor wie hij is en hoe je je aanmeldt.
seo-desc-meetup = Een bijeenkomst van een praatgroep voor ouders: datum, tijd, plaats en hoe je zegt dat je komt.
seo-desc-guides = Uitleg stap voor stap: toeslagen, geld, huur, kinderopvang en meer. Eenvoudige woorden, in je eigen taal.
seo-desc-guide = Een uitleg stap voor stap in eenvoudige woorden, om te bewaren, af te drukken of voor te laten lezen.
seo-desc-help = Stel anoniem een vraag aan een ervaren ouder of begeleider. Je hoeft je naam niet te geven.
seo-desc-checkin = Hoe gaat het met je? Een korte check-in voor ouders, met hulp in de buurt als je die wilt.
seo-desc-privacy = Welke gegevens Doorstart bewaart, waarom en hoe lang. En hoe je ze laat verwijderen.
seo-desc-accessibility = Hoe toegankelijk Doorstart is: wat werkt, wat nog niet en hoe je een probleem meldt.
seo-desc-what-happens = Wat gebeurt er als je je aanmeldt of een vraag stelt? Stap voor stap uitgelegd.
