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
rsvp-privacy = نحفظ اسمك الأول والعدد فقط. نحذفهما بعد 30 يومًا من اللقاء.
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
