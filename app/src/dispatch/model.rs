//! A dispatch order (调派) and its lifecycle, as the boards, the field tablet and the timeline
//! see it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::DispatchTexts;
use crate::resources::ResourceKind;
use crate::ui::form_reader::FormReader;

/// 已调派 → 已出发 → 已到达 → 处置中 → 已撤离: forward only, steps may be skipped (a unit
/// that forgot to report leaving still reports arriving).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DispatchStatus {
    Dispatched,
    Departed,
    Arrived,
    Working,
    Withdrawn,
}

impl DispatchStatus {
    pub const ALL: [DispatchStatus; 5] = [
        DispatchStatus::Dispatched,
        DispatchStatus::Departed,
        DispatchStatus::Arrived,
        DispatchStatus::Working,
        DispatchStatus::Withdrawn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DispatchStatus::Dispatched => "dispatched",
            DispatchStatus::Departed => "departed",
            DispatchStatus::Arrived => "arrived",
            DispatchStatus::Working => "working",
            DispatchStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(key: &str) -> Option<DispatchStatus> {
        DispatchStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the resource is still held by the incident.
    pub fn is_active(self) -> bool {
        self != DispatchStatus::Withdrawn
    }

    pub fn can_move_to(self, next: DispatchStatus) -> bool {
        next > self
    }

    /// The statuses it may move to, nearest first.
    pub fn next(self) -> impl Iterator<Item = DispatchStatus> {
        DispatchStatus::ALL.into_iter().filter(move |s| *s > self)
    }
}

/// What the incident's timeline keeps of a dispatch step, rendered in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DispatchMark {
    pub resource: String,
    pub kind: ResourceKind,
    pub status: DispatchStatus,
    /// At the order: the estimate of arrival, minutes.
    #[serde(default)]
    pub eta_minutes: Option<u32>,
    /// Stock sent, with its unit.
    #[serde(default)]
    pub quantity: Option<String>,
}

/// One dispatch as the boards show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DispatchCard {
    pub id: Uuid,
    pub incident_id: Uuid,
    pub incident_title: String,
    pub region_code: String,
    pub resource_id: Uuid,
    pub resource_name: String,
    pub resource_kind: ResourceKind,
    pub contact_phone: String,
    pub status: DispatchStatus,
    pub quantity: f64,
    pub unit: String,
    pub distance_km: f64,
    pub eta_minutes: f64,
    pub dispatched_at: i64,
    pub departed_at: Option<i64>,
    pub arrived_at: Option<i64>,
    pub working_at: Option<i64>,
    pub withdrawn_at: Option<i64>,
    /// Last reported position (lon, lat) and when.
    pub position: Option<(f64, f64, i64)>,
    pub actor: String,
    pub revision: u32,
    pub demo: bool,
}

impl DispatchCard {
    /// When it should arrive by the estimate made at the order.
    pub fn expected_arrival(&self) -> i64 {
        self.dispatched_at + (self.eta_minutes * 60.0).round() as i64
    }

    /// Still on its way after the estimated arrival.
    pub fn overdue(&self, now: i64) -> bool {
        self.arrived_at.is_none() && self.status.is_active() && now > self.expected_arrival()
    }

    /// When it entered `status`, if it did.
    pub fn time_of(&self, status: DispatchStatus) -> Option<i64> {
        match status {
            DispatchStatus::Dispatched => Some(self.dispatched_at),
            DispatchStatus::Departed => self.departed_at,
            DispatchStatus::Arrived => self.arrived_at,
            DispatchStatus::Working => self.working_at,
            DispatchStatus::Withdrawn => self.withdrawn_at,
        }
    }
}

/// One line of a dispatch order as the form sends it: a ticked resource and, for stock, how
/// much to send.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DispatchLine {
    pub resource: String,
    pub quantity: String,
}

/// One resource to send, read from a [`DispatchLine`]; `quantity` counts for stock only.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub resource: Uuid,
    pub quantity: f64,
}

/// The ticked lines of an order form; unticked lines (no resource) are skipped, a resource
/// ticked twice counts once.
pub fn read_lines(lines: &[DispatchLine], t: &DispatchTexts) -> Result<Vec<Order>, AppError> {
    let mut r = FormReader::new(t.form);
    let mut orders: Vec<Order> = Vec::new();
    for line in lines.iter().filter(|l| !l.resource.trim().is_empty()) {
        let Ok(resource) = Uuid::parse_str(line.resource.trim()) else {
            r.errors.add(t.order_title, t.form.choose);
            continue;
        };
        let quantity = r.decimal(t.quantity, &line.quantity, crate::resources::MAX_QUANTITY);
        if !orders.iter().any(|o| o.resource == resource) {
            orders.push(Order { resource, quantity });
        }
    }
    r.finish()?;
    if orders.is_empty() {
        return Err(AppError::field(t.order_title, t.nothing_chosen));
    }
    Ok(orders)
}

/// A position from the field: anywhere on earth (a unit may cross a border), as degrees.
pub fn read_position(lon: &str, lat: &str, t: &DispatchTexts) -> Result<(f64, f64), AppError> {
    let mut r = FormReader::new(t.form);
    let lon = r.coordinate(t.lon, lon, -180.0..180.0, t.outside_world);
    let lat = r.coordinate(t.lat, lat, -90.0..90.0, t.outside_world);
    r.finish()?;
    Ok((lon, lat))
}

/// Cards, newest revision wins: what a board holds and applies live events to.
pub fn apply(cards: &mut Vec<DispatchCard>, card: DispatchCard) {
    match cards.iter_mut().find(|c| c.id == card.id) {
        Some(existing) if existing.revision >= card.revision => {}
        Some(existing) => *existing = card,
        None => cards.push(card),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_moves_forward_only() {
        use DispatchStatus::*;
        assert!(Dispatched.can_move_to(Arrived));
        assert!(!Arrived.can_move_to(Departed));
        assert!(!Withdrawn.can_move_to(Withdrawn));
        assert_eq!(Working.next().collect::<Vec<_>>(), [Withdrawn]);
        assert!(!Withdrawn.is_active());
        for s in DispatchStatus::ALL {
            assert_eq!(DispatchStatus::parse(s.key()), Some(s));
        }
    }

    fn card(revision: u32, status: DispatchStatus) -> DispatchCard {
        DispatchCard {
            id: Uuid::nil(),
            incident_id: Uuid::nil(),
            incident_title: String::new(),
            region_code: "140100".into(),
            resource_id: Uuid::nil(),
            resource_name: "队".into(),
            resource_kind: ResourceKind::Team,
            contact_phone: String::new(),
            status,
            quantity: 0.0,
            unit: String::new(),
            distance_km: 10.0,
            eta_minutes: 23.0,
            dispatched_at: 1_000,
            departed_at: None,
            arrived_at: None,
            working_at: None,
            withdrawn_at: None,
            position: None,
            actor: String::new(),
            revision,
            demo: false,
        }
    }

    #[test]
    fn older_revisions_never_overwrite_newer() {
        let mut cards = vec![card(3, DispatchStatus::Arrived)];
        apply(&mut cards, card(2, DispatchStatus::Departed));
        assert_eq!(cards[0].status, DispatchStatus::Arrived);
        apply(&mut cards, card(4, DispatchStatus::Working));
        assert_eq!(cards[0].status, DispatchStatus::Working);
    }

    #[test]
    fn order_lines_skip_unticked_and_check_quantities() {
        let t = &crate::i18n::Locale::ZhCn.texts().dispatch;
        let id = Uuid::from_u128(7).to_string();
        let line = |resource: &str, quantity: &str| DispatchLine {
            resource: resource.into(),
            quantity: quantity.into(),
        };
        let orders = read_lines(&[line("", "5"), line(&id, "2.5"), line(&id, "")], t).expect("ok");
        assert_eq!(
            orders,
            [Order {
                resource: Uuid::from_u128(7),
                quantity: 2.5
            }]
        );
        assert!(read_lines(&[line("", "")], t).is_err());
        assert!(read_lines(&[line(&id, "-1")], t).is_err());
        assert!(read_lines(&[line("not-an-id", "")], t).is_err());
        assert!(read_position("112.5", "37.8", t).is_ok());
        assert!(read_position("512.5", "37.8", t).is_err());
    }

    #[test]
    fn overdue_after_the_estimate_until_arrival() {
        let mut c = card(1, DispatchStatus::Departed);
        assert_eq!(c.expected_arrival(), 1_000 + 23 * 60);
        assert!(!c.overdue(1_000 + 23 * 60));
        assert!(c.overdue(1_000 + 23 * 60 + 1));
        c.arrived_at = Some(2_000);
        assert!(!c.overdue(10_000));
    }
}
