//! Demo content for `DOORSTART_DEMO=1`: believable groups around Almelo/Twente and a few big
//! cities, with meetups in the coming weeks. Every address is marked as an example; no real
//! organisation or phone number is named.
use crate::db::Db;
use crate::groups::model::{Audience, Postcode, Rhythm, Weekday};
use crate::groups::{postcodes, store, store::NewGroup};
use crate::time;

struct Demo {
    name: &'static str,
    pc4: u16,
    /// Small shift from the PC4 centroid, in 1/1000 degree, so groups do not sit on one point.
    shift: (i32, i32),
    weekday: i64,
    start: (u16, u16),
    rhythm: Rhythm,
    ages: (u8, u8),
    languages: &'static [&'static str],
    children_welcome: bool,
    childcare: bool,
    cost_cents: u32,
    facilitator: &'static str,
    kind: Kind,
    audience: Audience,
}

#[derive(Clone, Copy)]
enum Kind {
    Coffee,
    Walk,
    Play,
    Evening,
    Online,
}

const W: Rhythm = Rhythm::Weekly;
const F: Rhythm = Rhythm::Fortnightly;
const M: Rhythm = Rhythm::Monthly;
const EVERY: Audience = Audience::EveryParent;
const MOTHERS: Audience = Audience::Mothers;

#[rustfmt::skip]
const GROUPS: &[Demo] = &[
    Demo { name: "Koffieochtend ouders Almelo-Centrum", pc4: 7607, shift: (2, -3), weekday: 2, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ar"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Miriam", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Samen sterk Almelo-Noord", pc4: 7602, shift: (-1, 2), weekday: 4, start: (19, 30), rhythm: F, ages: (4, 18), languages: &["nl"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Sandra", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Speelochtend met je kind – De Riet", pc4: 7604, shift: (3, 1), weekday: 3, start: (10, 0), rhythm: W, ages: (4, 8), languages: &["nl", "tr"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Ayşe", kind: Kind::Play, audience: EVERY },
    Demo { name: "Wandelgroep ouders Almelo-Zuid", pc4: 7609, shift: (-2, -2), weekday: 6, start: (10, 30), rhythm: W, ages: (4, 18), languages: &["nl", "en"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Joyce", kind: Kind::Walk, audience: EVERY },
    Demo { name: "Moedergroep Schelfhorst", pc4: 7608, shift: (1, 1), weekday: 1, start: (13, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ar", "ti"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Hanna", kind: Kind::Coffee, audience: MOTHERS },
    Demo { name: "Vaders en moeders alleen – Almelo", pc4: 7603, shift: (0, 3), weekday: 2, start: (20, 0), rhythm: M, ages: (4, 18), languages: &["nl"], children_welcome: false, childcare: false, cost_cents: 150, facilitator: "Erik", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Ouders Samen Enschede-Oost", pc4: 7511, shift: (2, 2), weekday: 3, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ar"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Fatima", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Speelmiddag Enschede-Zuid", pc4: 7544, shift: (-1, -1), weekday: 3, start: (14, 0), rhythm: W, ages: (4, 10), languages: &["nl", "pl"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Kasia", kind: Kind::Play, audience: EVERY },
    Demo { name: "Avondgroep alleenstaande ouders Enschede", pc4: 7513, shift: (1, -2), weekday: 4, start: (19, 30), rhythm: F, ages: (4, 18), languages: &["nl", "en"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Linda", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Wandelen in het Volkspark", pc4: 7522, shift: (0, 1), weekday: 7, start: (11, 0), rhythm: F, ages: (4, 18), languages: &["nl", "uk"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Olena", kind: Kind::Walk, audience: EVERY },
    Demo { name: "Koffie en kletsen Hengelo", pc4: 7551, shift: (1, 1), weekday: 5, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "tr"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Zeynep", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Ouders van tieners Hengelo", pc4: 7553, shift: (-1, 2), weekday: 2, start: (19, 30), rhythm: M, ages: (10, 18), languages: &["nl"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Marco", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Speelochtend Hengelo-Noord", pc4: 7556, shift: (2, 0), weekday: 1, start: (10, 0), rhythm: F, ages: (4, 7), languages: &["nl", "so"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Hodan", kind: Kind::Play, audience: EVERY },
    Demo { name: "Ontmoeting ouders Borne", pc4: 7621, shift: (1, -1), weekday: 4, start: (9, 30), rhythm: F, ages: (4, 12), languages: &["nl"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Petra", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Samen op pad Wierden", pc4: 7641, shift: (0, 0), weekday: 6, start: (10, 0), rhythm: M, ages: (4, 14), languages: &["nl"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Ingrid", kind: Kind::Walk, audience: EVERY },
    Demo { name: "Ouderkring Deventer", pc4: 7411, shift: (1, 1), weekday: 3, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ar"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Nadia", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Koffieochtend Zwolle-Zuid", pc4: 8011, shift: (-2, 1), weekday: 2, start: (10, 0), rhythm: W, ages: (4, 12), languages: &["nl"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Anouk", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Ouders samen Amsterdam-West", pc4: 1055, shift: (1, 1), weekday: 2, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ar", "tr"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Samira", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Avondgroep Amsterdam-Zuidoost", pc4: 1102, shift: (0, 1), weekday: 4, start: (19, 30), rhythm: W, ages: (4, 18), languages: &["nl", "en", "pap"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Shirley", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Speelmiddag Amsterdam-Centrum", pc4: 1012, shift: (-1, 0), weekday: 3, start: (14, 0), rhythm: F, ages: (4, 9), languages: &["nl", "en"], children_welcome: true, childcare: false, cost_cents: 200, facilitator: "Eva", kind: Kind::Play, audience: EVERY },
    Demo { name: "Ouders Samen Rotterdam-Zuid", pc4: 3071, shift: (1, 0), weekday: 1, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "pap", "tr"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Claudia", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Wandelgroep Het Park Rotterdam", pc4: 3021, shift: (0, -1), weekday: 6, start: (10, 0), rhythm: W, ages: (4, 18), languages: &["nl", "en"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Priya", kind: Kind::Walk, audience: EVERY },
    Demo { name: "Tienerouders Rotterdam", pc4: 3072, shift: (1, 1), weekday: 3, start: (19, 30), rhythm: F, ages: (11, 18), languages: &["nl"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Dewi", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Koffieochtend Utrecht-Overvecht", pc4: 3562, shift: (0, 1), weekday: 2, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ar", "so"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Amina", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Speelochtend Utrecht-West", pc4: 3531, shift: (1, -1), weekday: 5, start: (10, 0), rhythm: W, ages: (4, 8), languages: &["nl", "tr"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Elif", kind: Kind::Play, audience: EVERY },
    Demo { name: "Ouders Samen Den Haag-Centrum", pc4: 2512, shift: (1, 0), weekday: 4, start: (10, 0), rhythm: W, ages: (4, 12), languages: &["nl", "ar", "fa"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Leila", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Avondgroep Den Haag-Moerwijk", pc4: 2525, shift: (0, 1), weekday: 2, start: (19, 30), rhythm: F, ages: (4, 18), languages: &["nl", "pl"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Agnieszka", kind: Kind::Evening, audience: EVERY },
    Demo { name: "Ouderkring Groningen", pc4: 9711, shift: (0, 1), weekday: 3, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "ti", "ar"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Saba", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Ouders Samen Eindhoven", pc4: 5611, shift: (1, 1), weekday: 1, start: (9, 30), rhythm: W, ages: (4, 12), languages: &["nl", "en", "pl"], children_welcome: false, childcare: true, cost_cents: 0, facilitator: "Marieke", kind: Kind::Coffee, audience: EVERY },
    Demo { name: "Speelmiddag Tilburg-Noord", pc4: 5038, shift: (-1, 1), weekday: 3, start: (14, 0), rhythm: W, ages: (4, 9), languages: &["nl", "tr"], children_welcome: true, childcare: false, cost_cents: 0, facilitator: "Derya", kind: Kind::Play, audience: EVERY },
    Demo { name: "Online avond voor alleenstaande ouders", pc4: 7607, shift: (0, 0), weekday: 1, start: (20, 30), rhythm: W, ages: (4, 18), languages: &["nl", "en"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Ilse", kind: Kind::Online, audience: EVERY },
    Demo { name: "Online groep in het Arabisch", pc4: 7607, shift: (0, 0), weekday: 3, start: (20, 30), rhythm: F, ages: (4, 18), languages: &["ar", "nl"], children_welcome: false, childcare: false, cost_cents: 0, facilitator: "Rania", kind: Kind::Online, audience: EVERY },
];

fn texts(kind: Kind) -> [(&'static str, &'static str, &'static str); 3] {
    match kind {
        Kind::Coffee => [
            ("nl", "We drinken samen koffie of thee en praten over wat ons bezighoudt. Over geld, school, slapen of gewoon over de week. Iedereen mag vertellen, niemand hoeft.", "Je bent welkom zonder aanmelden. De begeleider wacht je op bij de deur. Je mag eerst rustig kijken."),
            ("en", "We have coffee or tea together and talk about what is on our minds. Money, school, sleep, or just the week. Everyone may talk, nobody has to.", "You are welcome without signing up. The facilitator meets you at the door. You may just watch at first."),
            ("ar", "نشرب القهوة أو الشاي معًا ونتحدث عمّا يشغلنا: المال، المدرسة، النوم، أو مجرد أحداث الأسبوع. يمكن للجميع أن يتكلموا، ولا أحد مُجبر.", "أنت مرحّب بك دون تسجيل. المرشد يستقبلك عند الباب. يمكنك أن تكتفي بالمشاهدة في البداية."),
        ],
        Kind::Walk => [
            ("nl", "We wandelen een uur samen, met of zonder kinderen. Onderweg praat je makkelijk. Daarna drinken we nog iets.", "We verzamelen bij de ingang. Trek schoenen aan waarop je goed kunt lopen."),
            ("en", "We walk together for an hour, with or without children. Talking is easy on the way. Afterwards we have a drink.", "We meet at the entrance. Wear shoes you can walk in."),
            ("ar", "نمشي معًا لمدة ساعة، مع الأطفال أو بدونهم. الحديث سهل أثناء المشي. بعد ذلك نشرب شيئًا معًا.", "نلتقي عند المدخل. البس حذاءً مريحًا للمشي."),
        ],
        Kind::Play => [
            ("nl", "De kinderen spelen, de ouders praten. Er is speelgoed en iets te drinken. Zo leer je andere ouders uit de buurt kennen.", "Neem je kind mee. Je hoeft niets mee te nemen. De begeleider stelt je voor aan de anderen."),
            ("en", "The children play, the parents talk. There are toys and drinks. A way to get to know other parents nearby.", "Bring your child. You do not need to bring anything. The facilitator introduces you to the others."),
            ("ar", "الأطفال يلعبون والآباء والأمهات يتحدثون. توجد ألعاب ومشروبات. هكذا تتعرف على آباء وأمهات من الحي.", "أحضر طفلك. لا تحتاج إلى إحضار أي شيء. المرشد يعرّفك على الآخرين."),
        ],
        Kind::Evening => [
            ("nl", "Een avond voor ouders, zonder kinderen. Elke keer is er een thema, zoals geld, je ex of grenzen stellen. Je kunt ook gewoon luisteren.", "Kom gerust wat eerder. Dan maak je kennis met de begeleider. Wat je vertelt, blijft in de groep."),
            ("en", "An evening for parents, without children. Each time there is a theme, such as money, your ex, or setting limits. You can also just listen.", "Feel free to come a bit early to meet the facilitator. What you share stays in the group."),
            ("ar", "أمسية للآباء والأمهات دون أطفال. في كل مرة يوجد موضوع، مثل المال أو الشريك السابق أو وضع الحدود. يمكنك أيضًا أن تستمع فقط.", "يمكنك الحضور مبكرًا قليلًا للتعرف على المرشد. ما تقوله يبقى داخل المجموعة."),
        ],
        Kind::Online => [
            ("nl", "We praten via video, vanaf je eigen bank. Handig als je kinderen slapen of als er geen groep dichtbij is.", "Je krijgt de link van de begeleider. Je camera mag uit blijven."),
            ("en", "We talk by video, from your own sofa. Handy when your children are asleep or when there is no group nearby.", "The facilitator sends you the link. You may keep your camera off."),
            ("ar", "نتحدث عبر الفيديو من بيتك. هذا مفيد عندما ينام أطفالك أو عندما لا توجد مجموعة قريبة.", "يرسل لك المرشد الرابط. يمكنك إبقاء الكاميرا مغلقة."),
        ],
    }
}

/// The next `count` meeting days of a group from `now`, as Unix seconds.
pub fn next_meetings(
    now: i64,
    weekday: u8,
    start: (u16, u16),
    rhythm: Rhythm,
    count: usize,
) -> Vec<i64> {
    let today = time::to_local(now);
    let base_day = time::days_from_civil(today.year, today.month, today.day);
    let ahead = (weekday as i64 - today.weekday as i64).rem_euclid(7);
    let step = match rhythm {
        Rhythm::Weekly => 7,
        Rhythm::Fortnightly => 14,
        Rhythm::Monthly => 28,
    };
    (0..)
        .map(|n| {
            let (y, m, d) = time::civil_from_days(base_day + ahead + n * step);
            time::from_local(y, m, d, start.0 as u8, start.1 as u8)
        })
        .filter(|t| *t > now)
        .take(count)
        .collect()
}

/// Demo partners (kinds of organisation, no real names), when there are no partners yet.
const PARTNERS: [(&str, &str, &str); 2] = [
    ("Jonge Moederwerk", "young-mothers", "jonge-moederwerk"),
    ("Consultatiebureau", "jgz", "consultatiebureau"),
];

async fn load_partners(db: &Db) -> Result<(), sqlx::Error> {
    use crate::partners::{model, store};
    if !store::all(db).await?.is_empty() {
        return Ok(());
    }
    for (name, kind, slug) in PARTNERS {
        let input = model::PartnerInput {
            name: name.to_string(),
            kind: model::PartnerKind::parse(kind).expect("demo kinds are valid"),
            contact: String::new(),
            slug: model::Slug::parse(slug).expect("demo slugs are valid"),
        };
        store::ensure(db, &input).await?;
    }
    Ok(())
}

/// The themes of the demo meetups (the `n`th of a group's first three): evening groups hold
/// a workshop on less stress with a JGZ nurse, then one on raising children; coffee mornings
/// have practical help and play mornings language development; walks have no theme. So the
/// finder's theme filter shows some groups, not all.
fn demo_theme(
    kind: Kind,
    n: usize,
) -> Option<(
    crate::meetups::model::Theme,
    crate::meetups::model::MeetupKind,
    &'static str,
)> {
    use crate::meetups::model::{MeetupKind, Theme};
    match (kind, n) {
        (Kind::Evening, 0) => Some((
            Theme::Stress,
            MeetupKind::Workshop,
            "een verpleegkundige van de JGZ",
        )),
        (Kind::Evening, 1) => Some((Theme::Parenting, MeetupKind::Meetup, "")),
        (Kind::Coffee, 1) => Some((Theme::Practical, MeetupKind::Meetup, "")),
        (Kind::Play, 0) => Some((Theme::Language, MeetupKind::Workshop, "")),
        (Kind::Online, 0) => Some((Theme::Meeting, MeetupKind::Meetup, "")),
        _ => None,
    }
}

/// Loads the demo groups and their meetups when there are no groups yet; returns how many.
pub async fn load_if_empty(db: &Db) -> Result<usize, sqlx::Error> {
    load_partners(db).await?;
    if store::count_active(db).await? > 0 {
        return Ok(0);
    }
    for demo in GROUPS {
        let postcode = Postcode::parse(&demo.pc4.to_string()).expect("demo postcodes are valid");
        let c = postcodes::centroid(postcode).expect("demo postcodes exist");
        let online = matches!(demo.kind, Kind::Online);
        let address = if online {
            String::new()
        } else {
            format!("Buurthuis (voorbeeldadres), {} {}", demo.pc4, c.place)
        };
        let texts = texts(demo.kind);
        let id = store::insert(
            db,
            &NewGroup {
                name: demo.name,
                municipality: &c.municipality,
                address: &address,
                pc4: demo.pc4,
                lat: c.lat + demo.shift.0 as f64 / 1000.0,
                lon: c.lon + demo.shift.1 as f64 / 1000.0,
                weekday: Weekday::new(demo.weekday).expect("demo weekdays are valid"),
                start_minute: demo.start.0 * 60 + demo.start.1,
                rhythm: demo.rhythm,
                ages: demo.ages,
                languages: demo.languages,
                children_welcome: demo.children_welcome,
                childcare: demo.childcare,
                cost_cents: demo.cost_cents,
                online,
                audience: demo.audience,
                facilitator_name: demo.facilitator,
                texts: &texts,
            },
        )
        .await?;
        let place = if online {
            "Online".to_string()
        } else {
            address.clone()
        };
        let starts = next_meetings(db.now(), demo.weekday as u8, demo.start, demo.rhythm, 3);
        for (n, start) in starts.into_iter().enumerate() {
            let meetup =
                crate::meetups::store::insert(db, &id, start, start + 2 * 3600, &place, 15).await?;
            if let Some((theme, kind, guest)) = demo_theme(demo.kind, n) {
                crate::meetups::store::set_theme(db, &meetup, Some(theme), kind, guest).await?;
            }
        }
    }
    for (step, name, hours) in LOCAL_HELP {
        let (guide, step) = step.split_once('/').expect("guide/step");
        crate::guides::store::create(
            db,
            &crate::guides::model::LocalInput {
                municipality: "GM0141".into(),
                guide: guide.into(),
                step: step.into(),
                name: name.to_string(),
                hours: hours.to_string(),
                phone: String::new(),
                address: "Voorbeeldstraat 1, 7607 AB Almelo (voorbeeldadres)".into(),
                website: String::new(),
                example: true,
            },
        )
        .await?;
    }
    Ok(GROUPS.len())
}

/// Local help for Almelo, shown with "example": no real office, address or number.
const LOCAL_HELP: [(&str, &str, &str); 4] = [
    (
        "debts/s2",
        "Schuldhulp van de gemeente (voorbeeld)",
        "ma t/m vr 9.00–12.00 uur, zonder afspraak",
    ),
    (
        "parenting/s2",
        "Wijkteam Almelo-Centrum (voorbeeld)",
        "di en do 13.00–16.00 uur",
    ),
    (
        "daily/s1",
        "Uitgifte voedselbank (voorbeeld)",
        "vrijdag 10.00–12.00 uur",
    ),
    (
        "language/s4",
        "Taalhuis in de bibliotheek (voorbeeld)",
        "wo 14.00–16.00 uur, zonder afspraak",
    ),
];

/// In demo mode, a coordinator to try the facilitator side with, when there are no accounts
/// yet. The password is random and printed once in the log.
pub async fn demo_login(db: &Db) -> Result<Option<(String, String)>, sqlx::Error> {
    use crate::accounts::{model::Role, password, store as accounts};
    if accounts::count_accounts(db).await? > 0 {
        return Ok(None);
    }
    let email = "coordinator@demo.doorstart.invalid".to_string();
    let secret = crate::security::tokens::new_token()[..20].to_string();
    let hash = password::hash(secret.clone()).await;
    let id = accounts::create_account(db, &email, "Demo", Role::Coordinator, &hash).await?;
    accounts::audit(db, None, "create-coordinator", "account", &id).await?;
    Ok(Some((email, secret)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_fall_on_the_right_day_and_time() {
        let now = time::from_local(2026, 11, 23, 12, 0); // a Monday
        let next = next_meetings(now, 2, (9, 30), Rhythm::Weekly, 3);
        assert_eq!(next.len(), 3);
        let first = time::to_local(next[0]);
        assert_eq!(
            (
                first.month,
                first.day,
                first.hour,
                first.minute,
                first.weekday
            ),
            (11, 24, 9, 30, 2)
        );
        assert_eq!(next[1] - next[0], 7 * 86_400);
        // Same weekday but the time has passed: the next slot of the rhythm.
        let weekly = next_meetings(now, 1, (9, 30), Rhythm::Weekly, 1);
        assert_eq!(time::to_local(weekly[0]).day, 30);
        let monday = next_meetings(now, 1, (9, 30), Rhythm::Fortnightly, 2);
        assert_eq!(time::to_local(monday[0]).day, 7);
        assert_eq!(monday[1] - monday[0], 14 * 86_400);
    }

    #[test]
    fn demo_local_help_points_at_real_steps() {
        let lib = crate::guides::library::builtin();
        for (step, _, _) in LOCAL_HELP {
            let (g, s) = step.split_once('/').unwrap();
            assert!(lib.has_step(g, s), "{step}");
        }
    }

    #[test]
    fn every_demo_postcode_is_known() {
        for d in GROUPS {
            let pc = Postcode::parse(&d.pc4.to_string()).unwrap();
            assert!(postcodes::centroid(pc).is_some(), "{}", d.pc4);
        }
        assert!(GROUPS.len() >= 30);
    }
}
