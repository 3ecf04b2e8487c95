//! Dutch PC4 centroids. Postcode data © GeoNames (geonames.org), CC-BY 4.0.
use std::collections::HashMap;
use std::sync::LazyLock;

use super::model::Postcode;

#[derive(Clone, Debug, PartialEq)]
pub struct Centroid {
    pub lat: f64,
    pub lon: f64,
    pub place: String,
    pub municipality: String,
}

static PC4: LazyLock<HashMap<u16, Centroid>> =
    LazyLock::new(|| parse_csv(include_str!("../../data/nl-pc4.csv")));

/// Columns `pc4,lat,lon,place,municipality`; the municipality may be quoted.
fn parse_csv(text: &str) -> HashMap<u16, Centroid> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut it = line.splitn(5, ',');
            let pc4 = it.next()?.parse().ok()?;
            let lat = it.next()?.parse().ok()?;
            let lon = it.next()?.parse().ok()?;
            let place = it.next()?.to_string();
            let municipality = it.next()?.trim_matches('"').to_string();
            Some((
                pc4,
                Centroid {
                    lat,
                    lon,
                    place,
                    municipality,
                },
            ))
        })
        .collect()
}

pub fn centroid(postcode: Postcode) -> Option<&'static Centroid> {
    PC4.get(&postcode.pc4())
}

/// Every PC4 we know, for demo data and benchmarks.
pub fn all() -> impl Iterator<Item = (u16, &'static Centroid)> {
    PC4.iter().map(|(k, v)| (*k, v))
}

/// A Dutch municipality with its CBS code (`GM0141`). CBS list 2023, open data.
#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    pub code: String,
    pub name: String,
}

static MUNICIPALITIES: LazyLock<Vec<Municipality>> = LazyLock::new(|| {
    let mut list: Vec<Municipality> = include_str!("../../data/nl-gemeenten-2023.csv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut it = line.splitn(3, ',');
            let _number = it.next()?;
            let code = it.next()?.to_string();
            let rest = it.next()?;
            // The name may be quoted ("Nuenen, Gerwen en Nederwetten").
            let name = match rest.strip_prefix('"') {
                Some(quoted) => quoted.split('"').next()?,
                None => rest.split(',').next()?,
            };
            Some(Municipality {
                code,
                name: name.to_string(),
            })
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
});

/// All municipalities, by name.
pub fn municipalities() -> &'static [Municipality] {
    &MUNICIPALITIES
}

pub fn municipality(code: &str) -> Option<&'static Municipality> {
    MUNICIPALITIES.iter().find(|m| m.code == code)
}

/// The municipality a postcode lies in (by the GeoNames name, which matches the CBS name).
pub fn municipality_of(postcode: Postcode) -> Option<&'static Municipality> {
    let name = &centroid(postcode)?.municipality;
    MUNICIPALITIES.iter().find(|m| &m.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_postcode_lies_in_a_known_municipality() {
        assert_eq!(municipalities().len(), 342);
        assert!(all().all(|(_, c)| municipalities().iter().any(|m| m.name == c.municipality)));
        assert_eq!(municipality("GM0141").unwrap().name, "Almelo");
    }

    #[test]
    fn the_whole_file_loads() {
        assert!(PC4.len() > 4000, "{}", PC4.len());
        let almelo = centroid(Postcode::parse("7607 AB").unwrap()).unwrap();
        assert_eq!(almelo.municipality, "Almelo");
        let nuenen = centroid(Postcode::parse("5671").unwrap()).unwrap();
        assert_eq!(nuenen.municipality, "Nuenen, Gerwen en Nederwetten");
        assert!(centroid(Postcode::parse("1000").unwrap()).is_none());
        assert_eq!(
            municipality_of(Postcode::parse("7607").unwrap()).map(|m| m.code.as_str()),
            Some("GM0141")
        );
    }
}
