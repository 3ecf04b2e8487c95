admin-monitoring = Monitoring
monitoring-title = Pilot monitoring
monitoring-intro = Figures per month and per municipality. Totals only: nobody can be recognised. Counts under 5 show as <5.
monitoring-from = From month
monitoring-to = Up to and including month
monitoring-month-hint = For example 2026-01
monitoring-show = Show
monitoring-report-link = One-page report
monitoring-csv = Download as CSV
monitoring-month = Month
monitoring-municipality = Municipality
monitoring-activity = Groups and meetups
monitoring-groups-active = Active groups
monitoring-meetups-held = Meetups held
monitoring-adults = Adults present
monitoring-children = Children present
monitoring-joins = Requests to join groups
monitoring-joins-chart = Join requests per month
monitoring-join-requests = Join requests
monitoring-contacted-7 = Contacted within 7 days
monitoring-median-days = Median days to contact
monitoring-joined = Joined
monitoring-help = Help requests
monitoring-help-chart = Help requests per month
monitoring-help-requests = Help requests
monitoring-median-hours = Median hours to first reply
monitoring-answered-2 = Answered within 2 days
monitoring-by-theme = By subject
monitoring-theme = Subject
monitoring-by-language = By language
monitoring-language = Language
monitoring-guides = Guides
monitoring-guide = Guide
monitoring-views = Views
monitoring-helped-yes = It helped
monitoring-helped-no = It did not help
monitoring-misses = Where a group is missing
monitoring-misses-intro = Searches with no group within 10 km, per postcode (4 digits).
monitoring-misses-chart = Searches with no group nearby, per postcode
monitoring-pc4 = Postcode
monitoring-place = Place
monitoring-searches = Searches without a group
monitoring-privacy = Counts only, without names, addresses or devices. Counts from 1 to 4 show as <5; percentages and medians only from 5.
monitoring-report-title = Doorstart: figures from { $from } up to and including { $to }
monitoring-report-intro = Summary for the municipal council. All figures are totals over the whole period.
monitoring-per-month = Per month
monitoring-table = Table: { $name }
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
