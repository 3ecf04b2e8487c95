admin-monitoring = المتابعة
monitoring-title = متابعة المشروع التجريبي
monitoring-intro = أرقام لكل شهر ولكل بلدية. مجاميع فقط: لا يمكن التعرف على أحد. الأعداد أقل من 5 تظهر كـ <5.
monitoring-from = من شهر
monitoring-to = حتى شهر
monitoring-month-hint = مثلًا 2026-01
monitoring-show = عرض
monitoring-report-link = تقرير من صفحة واحدة
monitoring-csv = تنزيل كملف CSV
monitoring-month = الشهر
monitoring-municipality = البلدية
monitoring-activity = المجموعات واللقاءات
monitoring-groups-active = مجموعات نشطة
monitoring-meetups-held = لقاءات عُقدت
monitoring-adults = بالغون حاضرون
monitoring-children = أطفال حاضرون
monitoring-joins = طلبات الانضمام إلى المجموعات
monitoring-joins-chart = طلبات الانضمام لكل شهر
monitoring-join-requests = طلبات الانضمام
monitoring-contacted-7 = تواصل خلال 7 أيام
monitoring-median-days = الوسيط بالأيام حتى التواصل
monitoring-joined = تم الانضمام
monitoring-help = طلبات المساعدة
monitoring-help-chart = طلبات المساعدة لكل شهر
monitoring-help-requests = طلبات المساعدة
monitoring-median-hours = الوسيط بالساعات حتى أول رد
monitoring-answered-2 = رد خلال يومين
monitoring-by-theme = حسب الموضوع
monitoring-theme = الموضوع
monitoring-by-language = حسب اللغة
monitoring-language = اللغة
monitoring-guides = الأدلة
monitoring-guide = الدليل
monitoring-views = مرات المشاهدة
monitoring-helped-yes = ساعد
monitoring-helped-no = لم يساعد
monitoring-misses = أين تنقص مجموعة
monitoring-misses-intro = عمليات بحث بدون مجموعة خلال 10 كم، حسب الرمز البريدي (4 أرقام).
monitoring-misses-chart = عمليات بحث بدون مجموعة قريبة، حسب الرمز البريدي
monitoring-pc4 = الرمز البريدي
monitoring-place = المكان
monitoring-searches = عمليات بحث بدون مجموعة
monitoring-privacy = أعداد فقط، بدون أسماء أو عناوين أو أجهزة. الأعداد من 1 إلى 4 تظهر كـ <5؛ النسب والوسيط فقط من 5.
monitoring-report-title = Doorstart: أرقام من { $from } حتى { $to }
monitoring-report-intro = ملخص للمجلس البلدي. كل الأرقام مجاميع للفترة كلها.
monitoring-per-month = لكل شهر
monitoring-table = جدول: { $name }
monitoring-interpreter = Interpreter asked
monitoring-by-interpreter = Interpreter asked, by language
monitoring-interpreter-language = Interpreter's language
monitoring-referred-professional = Join requests after a professional's referral (wijkteam, consultatiebureau, school, GP)
monitoring-joined-four-plus = Families with a child aged 4 or older who joined (from the ages parents gave)
monitoring-help-cap =
    The hourly cap on new help questions was reached on { $days ->
        [one] 1 day
       *[other] { $days } days
    } in this period; { $turned ->
        [one] 1 question was
       *[other] { $turned } questions were
    } turned away. Raise DOORSTART_HELP_PER_HOUR or find more volunteers. Days:
monitoring-outcomes = Are parents less alone? (check-in)
monitoring-outcomes-intro = Parents fill in the check-in voluntarily and without their name: at the start, after 3 and after 6 months. Only numbers are shown. Numbers from 1 to 4 are hidden; a percentage is shown only when neither of its parts is hidden.
monitoring-outcomes-summary = The check-in over the whole period, beside CBS's national figures
monitoring-outcomes-quarters = Per quarter
monitoring-outcomes-how = Measured with the six statements of the short De Jong Gierveld loneliness scale, as CBS asks them. Each lonely answer counts as 1, 'more or less' too. Total 0–1: not lonely, 2–4: moderately lonely, 5–6: strongly lonely. A skipped statement leaves the score empty, never 0. Life satisfaction: 0–10, 7 or more is satisfied. The change compares a later check-in with the first of the same parent. Only the Dutch statements are validated. Sources of the national figures:
monitoring-measure = Measure
monitoring-cbs = CBS, national
monitoring-quarter = Quarter
monitoring-moment = Moment
monitoring-moment-start = Start
monitoring-moment-3m = After 3 months
monitoring-moment-6m = After 6 months
monitoring-checkins = Check-ins
monitoring-scored = With a loneliness score
monitoring-not-lonely = Not lonely
monitoring-moderately = Moderately lonely
monitoring-strongly = Strongly lonely
monitoring-emotional = Emotionally lonely
monitoring-social = Socially lonely
monitoring-life-mean = Life satisfaction (mean, 0–10)
monitoring-satisfied = Satisfied (7–10)
monitoring-help-yes = Someone who helps with the children
monitoring-unvalidated = In a translation that is not validated
monitoring-paired = Comparable with the start
monitoring-change-loneliness = Change of the loneliness score (mean)
monitoring-less-lonely = Less lonely than at the start
monitoring-change-life = Change of life satisfaction (mean)
monitoring-referrals = Who sent parents, per month
monitoring-referrals-intro = Join requests per month by the answer to 'Who sent you?' (a kind of source, never a name), and families who joined with a child of 4 or older.
monitoring-referral-not-given = Not given

# "Tell me when a group starts near me" (issue 23 point 5)
monitoring-waiting = Parents waiting for a group
monitoring-waiting-intro = Parents who want an e-mail when a group starts within 10 km and have confirmed their address: now, per postcode area. Numbers only; fewer than 5 is shown as "<5". A new group could help here.
monitoring-waiting-count = Waiting parents
monitoring-meetup-themes = Meetup themes
monitoring-meetup-theme = Theme
