meetup-places-left =
    { $count ->
        [one] Залишилося { $count } місце
        [few] Залишилося { $count } місця
       *[other] Залишилося { $count } місць
    }
meetup-full = Місць немає. Можна записатися в список очікування.
meetup-is-cancelled = Цю зустріч скасовано.
meetup-add-calendar = Додати в календар
meetup-about-group = Про групу
rsvp-heading = Я прийду
rsvp-adults-label = Скільки дорослих прийде? (разом з вами)
rsvp-children-label = Скільки дітей ви приведете?
rsvp-privacy = Ми зберігаємо тільки ваше ім'я, числа і адресу e-mail, якщо ви її дасте. Видаляємо їх через 30 днів після зустрічі.
rsvp-submit = Я прийду
rsvp-adults-invalid = Оберіть число від 1 до 5.
rsvp-children-invalid = Оберіть число від 0 до 10.
rsvp-title = Ви прийдете – Doorstart
rsvp-coming-heading = Добре, що ви прийдете, { $name }!
rsvp-waiting-heading = { $name }, ви в списку очікування
rsvp-party = дорослих: { $adults }, дітей: { $children }
rsvp-waiting-text = Якщо звільниться місце, воно ваше. Перевіряйте на цій сторінці, чи є у вас місце.
rsvp-cancel = Я все ж не можу прийти
rsvp-cancelled-title = Ви не прийдете
rsvp-cancelled-text = Нічого страшного. Ми видалили ваше ім'я. Раді бачити вас іншим разом.
rsvp-email-label = Ваша адреса e-mail (не обов'язково)
rsvp-email-hint = Ми використовуємо її лише для того, щоб написати вам, коли ви отримаєте місце, знову потрапите до списку очікування або зустріч скасують. Ми видаляємо її разом із вашим записом.
rsvp-email-invalid = Ця адреса e-mail неправильна. Приклад: imya@example.nl. Або залиште поле порожнім.
rsvp-moved-up = Добра новина: звільнилося місце. Тепер у вас є місце.
rsvp-moved-down = Тепер місць менше. Ви знову в списку очікування.
rsvp-mails-you = Якщо щось зміниться, ми напишемо на адресу, яку ви дали.
meetup-theme-language = Розвиток мовлення дітей
meetup-theme-stress = Менше стресу
meetup-theme-parenting = Виховання дітей
meetup-theme-practical = Практична допомога: догляд за дітьми, транспорт, їжа, гроші
meetup-theme-meeting = Знайомство одне з одним
meetup-theme-line = Тема: { $theme }
meetup-kind-workshop = Майстер-клас
meetup-guest-line = Гість: { $guest }
rsvp-changed-time = Увага: час змінився. Тепер: { $when }
rsvp-changed-place = Увага: місце змінилося. Тепер: { $place }
keep-rsvp-text = За цим посиланням ви побачите, чи ваше місце ще є, і зможете скасувати. Надішліть його собі:
rsvp-cancel-confirm-title = Все ж не можете прийти?
rsvp-cancel-confirm-what = Тоді ми звільнимо ваше місце в групі { $group } на { $date }. Ми видалимо ваше ім'я, кількість людей і вашу електронну адресу, якщо ви її дали.
rsvp-cancel-confirm-waiting = Тоді ваше місце може отримати хтось зі списку очікування.
rsvp-cancel-confirm-final = Цього не можна скасувати. Після цього посилання перестане працювати.
rsvp-cancel-confirm-yes = Так, звільнити моє місце
rsvp-cancel-confirm-no = Ні, не скасовувати
