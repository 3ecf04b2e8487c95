# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: yakınınızda buluşma grupları, isimsiz yardım ve çocuklarını yalnız büyüten ebeveynler için adım adım rehberler. Ücretsiz ve kendi dilinizde.
seo-desc-finder = Yakınınızda ebeveynler için bir buluşma grubu bulun. Posta kodunuzu girin, grubun nerede ve ne zaman buluştuğunu görün.
seo-desc-group = Ebeveynler için bir buluşma grubu: nerede ve ne zaman buluşuyor, kimler için ve nasıl katılırsınız.
seo-desc-meetup = Ebeveyn grubunun bir buluşması: tarih, saat, yer ve geleceğinizi nasıl bildirirsiniz.
seo-desc-guides = Adım adım rehberler: yardımlar, para, kira, çocuk bakımı ve daha fazlası. Basit kelimelerle, kendi dilinizde.
seo-desc-guide = Basit kelimelerle adım adım bir rehber: saklayın, yazdırın veya sesli dinleyin.
seo-desc-help = Deneyimli bir ebeveyne veya rehbere isimsiz soru sorun. Adınızı vermeniz gerekmez.
seo-desc-checkin = Nasılsınız? Ebeveynler için kısa bir durum kontrolü; isterseniz yakınınızda yardım.
seo-desc-privacy = Doorstart hangi bilgileri, neden ve ne kadar süre saklar. Ve onları nasıl sildirirsiniz.
seo-desc-accessibility = Doorstart ne kadar erişilebilir: ne çalışıyor, ne henüz çalışmıyor ve bir sorunu nasıl bildirirsiniz.
seo-desc-what-happens = Kaydolduğunuzda veya soru sorduğunuzda ne olur? Adım adım anlatım.
