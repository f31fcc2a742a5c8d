//! The CAP 1.2 vocabulary (OASIS Common Alerting Protocol 1.2, 2010): each enumeration with the
//! exact string the schema allows, so a message can only say what CAP can say.

use serde::{Deserialize, Serialize};

/// An enumeration of CAP values: variants, their exact CAP strings, `ALL`, `cap()` and `parse()`.
macro_rules! cap_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as CAP writes it.
            pub fn cap(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.cap() == text)
            }
        }
    };
}

cap_enum!(
    /// `status`: whether the alert is real. Only `Actual` alerts reach the public portal.
    Status { Actual = "Actual", Exercise = "Exercise", System = "System", Test = "Test", Draft = "Draft" }
);

cap_enum!(
    /// `msgType`.
    MsgType { Alert = "Alert", Update = "Update", Cancel = "Cancel", Ack = "Ack", Error = "Error" }
);

cap_enum!(
    /// `scope`.
    Scope { Public = "Public", Restricted = "Restricted", Private = "Private" }
);

cap_enum!(
    /// `info/category`.
    Category {
        Geo = "Geo", Met = "Met", Safety = "Safety", Security = "Security", Rescue = "Rescue",
        Fire = "Fire", Health = "Health", Env = "Env", Transport = "Transport", Infra = "Infra",
        Cbrne = "CBRNE", Other = "Other",
    }
);

cap_enum!(
    /// `info/urgency`.
    Urgency { Immediate = "Immediate", Expected = "Expected", Future = "Future", Past = "Past", Unknown = "Unknown" }
);

cap_enum!(
    /// `info/severity`.
    Severity { Extreme = "Extreme", Severe = "Severe", Moderate = "Moderate", Minor = "Minor", Unknown = "Unknown" }
);

cap_enum!(
    /// `info/certainty`.
    Certainty { Observed = "Observed", Likely = "Likely", Possible = "Possible", Unlikely = "Unlikely", Unknown = "Unknown" }
);

/// The MIME type of a CAP document, as pages advertise it.
pub const CAP_MIME: &str = "application/cap+xml";

/// The CAP 1.2 namespace.
pub const CAP_NAMESPACE: &str = "urn:oasis:names:tc:emergency:cap:1.2";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_cap_string() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.cap()), Some(*c));
        }
        assert_eq!(Category::Cbrne.cap(), "CBRNE");
        assert_eq!(
            Severity::parse("extreme"),
            None,
            "CAP values are case-sensitive"
        );
        assert_eq!(MsgType::ALL.len(), 5);
    }
}
