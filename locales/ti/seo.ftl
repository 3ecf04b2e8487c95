# Meta descriptions of the public pages (search engines show them under the link).
seo-desc-home = Doorstart: ኣብ ጥቓኹም ዘለዉ ጉጅለታት፡ ስም ዘይጠቅስ ሓገዝን ንበይኖም ቆልዑ ዘዕብዩ ወለዲ ስጉምቲ ብስጉምቲ መምርሕን። ብነጻን ብቋንቋኹምን።
seo-desc-finder = ኣብ ጥቓኹም ንወለዲ ዝኸውን ጉጅለ ድለዩ። ፖስታ ኮድኩም ኣእትዉ እሞ ጉጅለ ኣበይን መዓስን ከም ዝራኸብ ርኣዩ።
seo-desc-group = ንወለዲ ዝኸውን ጉጅለ፡ ኣበይን መዓስን ዝራኸብ፡ ንመን ምዃኑን ብኸመይ ከም እትጽንበሩን።
seo-desc-meetup = ርክብ ጉጅለ ወለዲ፡ ዕለት፡ ሰዓት፡ ቦታን ከም እትመጹ ብኸመይ ከም እትሕብሩን።
seo-desc-guides = ስጉምቲ ብስጉምቲ መምርሒታት፡ ሓገዝ ገንዘብ፡ ገንዘብ፡ ክራይ፡ ክንክን ቆልዑን ካልእን። ብቐሊል ቃላት፡ ብቋንቋኹም።
seo-desc-guide = ብቐሊል ቃላት ስጉምቲ ብስጉምቲ መምርሒ፡ ንምዕቃብ፡ ንምሕታም ወይ ንምስማዕ።
seo-desc-help = ንዝተሞኮሩ ወለዲ ወይ ንመራሒ ጉጅለ ስምኩም ከይጠቐስኩም ሕቶ ሕተቱ።
seo-desc-checkin = ከመይ ኣለኹም? ንወለዲ ሓጺር ሕቶ፡ እንተ ደሊኹም ኣብ ጥቓኹም ሓገዝ።
seo-desc-privacy = Doorstart እንታይ ሓበሬታ ይዕቅብ፡ ስለምንታይን ክሳብ መዓስን። ብኸመይ ከም ዝድምሰስ ከኣ።
seo-desc-accessibility = Doorstart ክሳብ ክንደይ ተበጻሒ እዩ፡ እንታይ ይሰርሕ፡ እንታይ ገና ኣይሰርሕን ጸገም ብኸመይ ከም እትሕብሩን።
seo-desc-what-happens = ክትምዝገቡ ወይ ሕቶ ክትሓቱ ከለኹም እንታይ ይኸውን? ስጉምቲ ብስጉምቲ ተገሊጹ።
