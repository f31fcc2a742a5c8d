//! ssr: the spatial index of the registry (an R*-tree over points on the unit sphere, whose
//! straight-line order is the great-circle order), kept in step with every write so "who is
//! nearest" never scans the table.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use rstar::RTree;
use rstar::primitives::GeomWithData;
use uuid::Uuid;

use super::ranking::{EARTH_RADIUS_KM, eta_minutes, fastest_minutes};
use super::{Capability, ResourceKind};

/// What the index knows of one resource: enough to filter and estimate without the database.
#[derive(Clone, Debug, PartialEq)]
pub struct Indexed {
    pub id: Uuid,
    pub kind: ResourceKind,
    /// `Capability::bit`s.
    pub capabilities: u32,
    /// Ready in the registry and not committed to an incident.
    pub ready: bool,
    pub region_code: String,
}

type Entry = GeomWithData<[f64; 3], Indexed>;

#[derive(Default)]
struct Inner {
    tree: RTree<Entry>,
    by_id: HashMap<Uuid, Entry>,
}

/// Shared by every request of the process.
#[derive(Clone, Default)]
pub struct ResourceIndex {
    inner: Arc<RwLock<Inner>>,
}

impl std::fmt::Debug for ResourceIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ResourceIndex({} entries)", self.len())
    }
}

/// A hit of [`ResourceIndex::nearest`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nearby {
    pub id: Uuid,
    pub distance_km: f64,
    pub eta_minutes: f64,
}

/// (lon, lat) in degrees as a point on the unit sphere.
fn on_sphere((lon, lat): (f64, f64)) -> [f64; 3] {
    let (lon, lat) = (lon.to_radians(), lat.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// Great-circle km from the squared chord between two unit-sphere points.
fn chord2_to_km(chord2: f64) -> f64 {
    2.0 * EARTH_RADIUS_KM * (chord2.sqrt() / 2.0).min(1.0).asin()
}

impl ResourceIndex {
    /// An index of `entries` at (lon, lat), built in one pass (bulk loading packs the tree
    /// better than inserting one by one).
    pub fn build(entries: impl IntoIterator<Item = ((f64, f64), Indexed)>) -> ResourceIndex {
        let entries: Vec<Entry> = entries
            .into_iter()
            .map(|(at, data)| GeomWithData::new(on_sphere(at), data))
            .collect();
        let by_id = entries.iter().map(|e| (e.data.id, e.clone())).collect();
        let inner = Inner {
            tree: RTree::bulk_load(entries),
            by_id,
        };
        ResourceIndex {
            inner: Arc::new(RwLock::new(inner)),
        }
    }

    pub fn len(&self) -> usize {
        self.read(|inner| inner.by_id.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the resource or replaces what the index held for it.
    pub fn put(&self, at: (f64, f64), data: Indexed) {
        let mut inner = self.inner.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(old) = inner.by_id.remove(&data.id) {
            inner.tree.remove(&old);
        }
        let entry = GeomWithData::new(on_sphere(at), data);
        inner.by_id.insert(entry.data.id, entry.clone());
        inner.tree.insert(entry);
    }

    /// The `k` ready resources with `capability` within the region prefix (see
    /// `identity::region_prefix`) that would reach `scene` first. Neighbours come in distance
    /// order; the walk stops once even the fastest kind could not beat the k-th arrival.
    pub fn nearest(
        &self,
        scene: (f64, f64),
        capability: Capability,
        region_prefix: &str,
        k: usize,
    ) -> Vec<Nearby> {
        if k == 0 {
            return Vec::new();
        }
        let bit = capability.bit();
        let query = on_sphere(scene);
        self.read(|inner| {
            let mut best: Vec<Nearby> = Vec::with_capacity(k + 1);
            for (entry, chord2) in inner.tree.nearest_neighbor_iter_with_distance_2(&query) {
                let distance_km = chord2_to_km(chord2);
                if best.len() == k && fastest_minutes(distance_km) > best[k - 1].eta_minutes {
                    break;
                }
                let data = &entry.data;
                if !data.ready
                    || data.capabilities & bit == 0
                    || !data.region_code.starts_with(region_prefix)
                {
                    continue;
                }
                let hit = Nearby {
                    id: data.id,
                    distance_km,
                    eta_minutes: eta_minutes(data.kind, distance_km),
                };
                let at = best.partition_point(|b| b.eta_minutes <= hit.eta_minutes);
                best.insert(at, hit);
                best.truncate(k);
            }
            best
        })
    }

    fn read<T>(&self, f: impl FnOnce(&Inner) -> T) -> T {
        f(&self.inner.read().unwrap_or_else(PoisonError::into_inner))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::ranking::rank_exhaustive;
    use crate::resources::{Availability, Resource};

    fn resource(i: u32, kind: ResourceKind, caps: &[Capability], at: (f64, f64)) -> Resource {
        Resource {
            id: Uuid::from_u128(u128::from(i) + 1),
            kind,
            name: format!("r{i:05}"),
            category: String::new(),
            capabilities: caps.to_vec(),
            quantity: 10.0,
            unit: String::new(),
            organisation: String::new(),
            details: String::new(),
            contact_name: String::new(),
            contact_phone: String::new(),
            lon: at.0,
            lat: at.1,
            region_code: if i.is_multiple_of(2) {
                "140100"
            } else {
                "130100"
            }
            .into(),
            address: String::new(),
            availability: if i.is_multiple_of(7) {
                Availability::Unavailable
            } else {
                Availability::Ready
            },
            expires_on: None,
            demo: false,
            revision: 1,
        }
    }

    fn indexed(r: &Resource) -> ((f64, f64), Indexed) {
        let capabilities = r.capabilities.iter().fold(0, |bits, c| bits | c.bit());
        let data = Indexed {
            id: r.id,
            kind: r.kind,
            capabilities,
            ready: r.ready(),
            region_code: r.region_code.clone(),
        };
        ((r.lon, r.lat), data)
    }

    /// A deterministic scatter over northern China, mixed kinds and abilities.
    fn scatter(n: u32) -> Vec<Resource> {
        let mut seed = 0x2545_f491_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 10_000) as f64 / 10_000.0
        };
        (0..n)
            .map(|i| {
                let kind = ResourceKind::ALL[(i as usize) % ResourceKind::ALL.len()];
                let caps = [Capability::ALL[(i as usize) % 5], Capability::Medical];
                resource(i, kind, &caps, (110.0 + next() * 8.0, 34.0 + next() * 6.0))
            })
            .collect()
    }

    #[test]
    fn index_agrees_with_checking_every_resource() {
        let all = scatter(3_000);
        let index = ResourceIndex::build(all.iter().map(indexed));
        for scene in [(112.55, 37.87), (116.0, 39.0), (100.0, 30.0)] {
            for capability in [
                Capability::MineRescue,
                Capability::Medical,
                Capability::Drainage,
            ] {
                let expected: Vec<Uuid> = rank_exhaustive(&all, scene, capability, 10)
                    .into_iter()
                    .map(|c| c.resource.id)
                    .collect();
                let got: Vec<Uuid> = index
                    .nearest(scene, capability, "", 10)
                    .into_iter()
                    .map(|n| n.id)
                    .collect();
                assert_eq!(got, expected, "{scene:?} {capability:?}");
            }
        }
    }

    #[test]
    fn committed_and_foreign_resources_are_skipped_and_edits_move_them() {
        let all = scatter(200);
        let index = ResourceIndex::build(all.iter().map(indexed));
        let first = index.nearest((112.55, 37.87), Capability::Medical, "14", 1)[0];
        let entry = all.iter().find(|r| r.id == first.id).expect("there");
        let (at, mut data) = indexed(entry);
        data.ready = false;
        index.put(at, data.clone());
        let next = index.nearest((112.55, 37.87), Capability::Medical, "14", 1)[0];
        assert_ne!(next.id, first.id);
        data.ready = true;
        index.put(at, data);
        assert_eq!(
            index.nearest((112.55, 37.87), Capability::Medical, "14", 1)[0].id,
            first.id
        );
        // Moved far away, it is no longer first.
        let mut moved = all
            .iter()
            .find(|r| r.id == first.id)
            .cloned()
            .expect("there");
        (moved.lon, moved.lat) = (80.0, 45.0);
        let (at, data) = indexed(&moved);
        index.put(at, data);
        assert_eq!(index.len(), 200);
        assert_ne!(
            index.nearest((112.55, 37.87), Capability::Medical, "14", 1)[0].id,
            first.id
        );
        // Only Shanxi's (14....) entries answer a Shanxi prefix.
        for hit in index.nearest((112.55, 37.87), Capability::Medical, "14", 20) {
            let r = all.iter().find(|r| r.id == hit.id).expect("known");
            assert!(r.region_code.starts_with("14"));
        }
    }
}
