# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: kooxo kuu dhow, caawimaad qarsoodi ah iyo hagayaal tallaabo-tallaabo ah oo loogu talagalay waalidiinta carruurta keligood korinaya. Bilaash iyo luqaddaada.
seo-desc-finder = Hel koox waalidiin ah oo kuu dhow. Geli koodhka boostada oo arag halka iyo goorta kooxdu kulanto.
seo-desc-group = Koox waalidiin ah: halka iyo goorta ay kulanto, cidda loogu talagalay iyo sida aad ugu biiri karto.
seo-desc-meetup = Kulan koox waalidiin ah: taariikhda, waqtiga, goobta iyo sida aad u sheegi karto inaad imanayso.
seo-desc-guides = Hagayaal tallaabo-tallaabo ah: gargaarka, lacagta, kirada, xannaanada carruurta iyo wax kale. Erayo fudud, luqaddaada.
seo-desc-guide = Hage tallaabo-tallaabo ah oo erayo fudud ah, si aad u kaydiso, u daabacdo ama loogu akhriyo.
seo-desc-help = Su'aal weydii waalid khibrad leh ama hagaha kooxda, adigoon magacaaga sheegin.
seo-desc-checkin = Sidee tahay? Hubin gaaban oo waalidiinta ah, iyo caawimaad kuu dhow haddii aad rabto.
seo-desc-privacy = Xogta uu Doorstart kaydiyo, sababta iyo muddada. Iyo sida aad u tirtiri karto.
seo-desc-accessibility = Sida Doorstart loo heli karo: waxa shaqeeya, waxa aan weli shaqayn iyo sida aad dhibaato u sheegi karto.
seo-desc-what-happens = Maxaa dhaca marka aad is diiwaangeliso ama su'aal weydiiso? Tallaabo-tallaabo loo sharxay.
