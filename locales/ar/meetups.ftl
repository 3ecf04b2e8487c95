meetup-places-left =
    { $count ->
        [one] بقي مكان واحد
        [two] بقي مكانان
        [few] بقيت { $count } أماكن
       *[other] بقي { $count } مكانًا
    }
meetup-full = ممتلئ. يمكنك الانضمام إلى قائمة الانتظار.
meetup-is-cancelled = هذا اللقاء ملغى.
meetup-add-calendar = إضافة إلى تقويمك
meetup-about-group = عن المجموعة
rsvp-heading = سأحضر
rsvp-adults-label = كم عدد البالغين القادمين؟ (بما فيهم أنت)
rsvp-children-label = كم طفلًا معك؟
rsvp-privacy = نحفظ اسمك الأول والعدد فقط، وبريدك الإلكتروني إذا أعطيته لنا. نحذفها بعد ⁦30⁩ يومًا من اللقاء.
rsvp-submit = سأحضر
rsvp-adults-invalid = يرجى اختيار رقم من 1 إلى 5.
rsvp-children-invalid = يرجى اختيار رقم من 0 إلى 10.
rsvp-title = حضورك – دورستارت
rsvp-coming-heading = يسعدنا حضورك يا { $name }!
rsvp-waiting-heading = { $name }، أنت على قائمة الانتظار
rsvp-party = البالغون: { $adults }، الأطفال: { $children }
rsvp-waiting-text = إذا أصبح هناك مكان فارغ فهو لك. يمكنك مراجعة هذه الصفحة لمعرفة إن كان لك مكان.
rsvp-cancel = لا أستطيع الحضور
rsvp-cancelled-title = تم إلغاء حضورك
rsvp-cancelled-text = لا بأس. حذفنا اسمك. نرحّب بك في مرة أخرى.
rsvp-email-label = بريدك الإلكتروني (ليس ضروريًا)
rsvp-email-hint = نستخدمه فقط لإرسال رسالة إليك عند الحصول على مكان، أو العودة إلى قائمة الانتظار، أو إلغاء اللقاء. نحذفه مع تسجيلك.
rsvp-email-invalid = هذا البريد الإلكتروني غير صحيح. مثال: ⁦name@example.nl⁩. أو يرجى تركه فارغًا.
rsvp-moved-up = خبر سار: أصبح هناك مكان فارغ. لديك مكان الآن.
rsvp-moved-down = الأماكن أقل الآن. أنت على قائمة الانتظار من جديد.
rsvp-mails-you = إذا تغيّر شيء، نرسل رسالة إلى العنوان الذي أعطيته لنا.
meetup-theme-language = تطوّر لغة الأطفال
meetup-theme-stress = ضغط نفسي أقل
meetup-theme-parenting = تربية الأطفال
meetup-theme-practical = مساعدة عملية: رعاية الأطفال، المواصلات، الطعام، المال
meetup-theme-meeting = التعارف واللقاء
meetup-theme-line = الموضوع: { $theme }
meetup-kind-workshop = ورشة عمل
meetup-guest-line = الضيف: { $guest }
rsvp-changed-time = تنبيه: تغيّر الوقت. الآن: { $when }
rsvp-changed-place = تنبيه: تغيّر المكان. الآن: { $place }
keep-rsvp-text = بهذا الرابط يمكنك معرفة إن كان مكانك ما زال محجوزًا، ويمكنك إلغاء الحضور أيضًا. يمكنك إرساله إلى نفسك:
rsvp-cancel-confirm-title = لا يمكنك الحضور؟
rsvp-cancel-confirm-what = عندها نلغي مكانك في { $group } يوم { $date }. ونحذف اسمك وعدد الأشخاص وبريدك الإلكتروني إذا أعطيته لنا.
rsvp-cancel-confirm-waiting = عندها قد يحصل شخص من قائمة الانتظار على مكانك.
rsvp-cancel-confirm-final = لا يمكن التراجع عن ذلك. ولن يعمل هذا الرابط بعد ذلك.
rsvp-cancel-confirm-yes = نعم، أُلغي مكاني
rsvp-cancel-confirm-no = لا، لا أريد الإلغاء
