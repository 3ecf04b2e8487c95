groups-title = Знайти групу – Doorstart
groups-heading = Знайдіть групу поруч
groups-intro = У групі ви розмовляєте з іншими батьками, які теж самостійно виховують дітей. Вам раді, навіть якщо дитині 4 роки або більше.
postcode-label = Ваш поштовий індекс
postcode-hint = Наприклад 7607 або 7607 AB
postcode-invalid = Це не поштовий індекс. Індекс має 4 цифри, іноді ще 2 літери. Наприклад 7607 AB.
postcode-unknown = Ми не знаємо індексу { $postcode }. Перевірте цифри. Або спробуйте індекс сусіднього місця.
filters-summary = Більше варіантів
filter-age-label = Вік дитини (роки)
filter-language-label = Мова в групі
filter-day-label = День
filter-kids-label = Діти можуть прийти, або є догляд за дітьми
filter-any = Будь-який
search-button = Шукати
results-heading =
    { $count ->
        [one] { $count } група поруч: { $place }
        [few] { $count } групи поруч: { $place }
       *[other] { $count } груп поруч: { $place }
    }
results-nearest-heading = Найближчі до вас групи
results-none-close = У радіусі 10 км від { $place } групи ще немає. Нижче — найближчі групи.
start-group-invite = Хочете створити власну групу? Ми охоче допоможемо.
start-group-link = Напишіть нам
online-heading = Групи онлайн
attribution-geonames = Postcode data © GeoNames (geonames.org), CC-BY 4.0
distance-from-you = { $km } км · { $place }
group-online = Онлайн, через відео
rhythm-weekly = Щотижня: { $day } о { $time }
rhythm-fortnightly = Раз на два тижні: { $day } о { $time }
rhythm-monthly = Раз на місяць: { $day } о { $time }
group-ages = Діти від { $min } до { $max } років
group-children-welcome = Діти можуть прийти
group-childcare = Є догляд за дітьми
group-no-children = До цієї групи діти не можуть приходити.
cost-free = Безкоштовно
cost-amount = { $amount } за раз
group-next-meetup = Наступного разу: { $date }, { $time }
group-first-visit = Ваш перший раз
group-facilitator = Веде групу: { $name }
group-place = Де
group-route = Маршрут на карті
group-meetups = Найближчі зустрічі
meetup-when = { $date }, { $start } – { $end }
meetup-capacity = місце для { $count } осіб
meetup-cancelled = Скасовано:
group-share = Поділитися групою
share-text = Подивіться цю групу для батьків: { $name } { $url }
share-whatsapp = Поділитися у WhatsApp
share-sms = Поділитися через SMS
group-join = Я хочу приєднатися
