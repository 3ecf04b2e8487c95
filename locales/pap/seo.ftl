# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: gruponan di kontakto serka bo, yudansa anónimo i guia paso pa paso pa mayornan ku ta kria yu nan so. Grátis i den bo mes idioma.
seo-desc-finder = Buska un grupo pa mayornan serka bo. Skibi bo kódigo postal i mira unda i ki ora un grupo ta reuní.
seo-desc-group = Un grupo pa mayornan: unda i ki ora e ta reuní, pa ken e ta i kon bo por drenta.
seo-desc-meetup = Un reunion di un grupo pa mayornan: fecha, ora, lugá i kon bo ta bisa ku bo ta bini.
seo-desc-guides = Guia paso pa paso: yudansa, plaka, hür, kuido di mucha i mas. Palabra simpel, den bo mes idioma.
seo-desc-guide = Un guia paso pa paso den palabra simpel, pa warda, imprimí òf laga lesa duru.
seo-desc-help = Hasi un pregunta na un mayor ku eksperensia òf un guia, anónimo. Bo no mester duna bo nòmber.
seo-desc-checkin = Kon bo ta? Un kontrol kòrtiku pa mayornan, ku yudansa serka bo si bo ke.
seo-desc-privacy = Kua datonan Doorstart ta warda, pakiko i pa kuantu tempu. I kon bo por laga kita nan.
seo-desc-accessibility = Kon aksesibel Doorstart ta: kiko ta traha, kiko ainda nò i kon bo por reportá un problema.
seo-desc-what-happens = Kiko ta pasa ora bo inskribí òf hasi un pregunta? Splika paso pa paso.
