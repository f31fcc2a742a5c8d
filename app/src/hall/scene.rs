//! Scenes (预案场景): a whole hall set up with one click — the wall's windows, displays on and
//! on the right input, hall cameras at a preset. A scene plans into steps per device; devices
//! run their steps in parallel and each device's in order, so one failing device is reported
//! while the rest of the scene applies.

use serde::{Deserialize, Serialize};

use super::device::Action;
use super::wall::{LayoutProblem, Wall, Window, check_layout};

/// A picture the matrix can switch: an input and what feeds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// The matrix input it is wired to.
    pub input: u16,
}

/// A display's part in a scene.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplaySetting {
    pub device: String,
    pub power: bool,
    /// The input to select once on (PJLink name, e.g. `31`).
    #[serde(default)]
    pub input: Option<String>,
}

/// A camera's part in a scene.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CameraPreset {
    pub device: String,
    pub preset: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scene {
    pub name: String,
    pub windows: Vec<Window>,
    #[serde(default)]
    pub displays: Vec<DisplaySetting>,
    #[serde(default)]
    pub cameras: Vec<CameraPreset>,
}

/// One command of a scene for one device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub device: String,
    pub action: Action,
}

/// What became of one step when a scene was applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOutcome {
    pub step: Step,
    /// The device's reason, when it failed.
    pub error: Option<String>,
}

/// The steps of `scene` on a wall fed by the matrix `matrix`: every tile of a window gets the
/// window's source; a tile no window covers is cleared (input 0), so a scene sets the whole wall.
pub fn plan(
    scene: &Scene,
    wall: &Wall,
    matrix: &str,
    sources: &[Source],
) -> Result<Vec<Step>, Vec<LayoutProblem>> {
    let ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
    check_layout(wall, &scene.windows, &ids)?;
    let mut feed: Vec<u16> = vec![0; wall.tiles()];
    for w in &scene.windows {
        let input = sources
            .iter()
            .find(|s| s.id == w.source)
            .map_or(0, |s| s.input);
        for (r, c) in w.tiles() {
            feed[usize::from(r) * usize::from(wall.cols) + usize::from(c)] = input;
        }
    }
    let mut steps: Vec<Step> = wall
        .outputs
        .iter()
        .zip(feed)
        .map(|(output, input)| Step {
            device: matrix.to_string(),
            action: Action::Tie {
                input,
                output: *output,
            },
        })
        .collect();
    for d in &scene.displays {
        steps.push(Step {
            device: d.device.clone(),
            action: Action::Power(d.power),
        });
        if let (true, Some(input)) = (d.power, &d.input) {
            steps.push(Step {
                device: d.device.clone(),
                action: Action::Input(input.clone()),
            });
        }
    }
    for c in &scene.cameras {
        steps.push(Step {
            device: c.device.clone(),
            action: Action::RecallPreset(c.preset),
        });
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<Source> {
        ["map", "video-1", "video-2"]
            .iter()
            .zip(1..)
            .map(|(id, input)| Source {
                id: id.to_string(),
                name: id.to_string(),
                input,
            })
            .collect()
    }

    /// 重大事故: the situation map on the main 3 × 4 area, two incident videos at the side.
    fn major_accident() -> Scene {
        Scene {
            name: "重大事故".into(),
            windows: vec![
                Window::new("map", (0, 0), (4, 3)),
                Window::new("video-1", (0, 3), (2, 1)),
                Window::new("video-2", (2, 3), (1, 1)),
            ],
            displays: vec![DisplaySetting {
                device: "projector".into(),
                power: true,
                input: Some("31".into()),
            }],
            cameras: vec![CameraPreset {
                device: "hall-cam".into(),
                preset: 1,
            }],
        }
    }

    #[test]
    fn a_sixteen_tile_scene_ties_every_output_then_sets_displays_and_cameras() {
        let steps = plan(
            &major_accident(),
            &Wall::numbered(4, 4),
            "matrix",
            &sources(),
        )
        .unwrap();
        let ties: Vec<(u16, u16)> = steps
            .iter()
            .filter_map(|s| match s.action {
                Action::Tie { input, output } => Some((output, input)),
                _ => None,
            })
            .collect();
        assert_eq!(ties.len(), 16);
        // Row 0: map, map, map, video-1; row 3: map ×3, then an uncovered tile cleared.
        assert_eq!(&ties[..4], &[(1, 1), (2, 1), (3, 1), (4, 2)]);
        assert_eq!(&ties[12..], &[(13, 1), (14, 1), (15, 1), (16, 0)]);
        assert_eq!(ties[11], (12, 3));
        let rest: Vec<&Action> = steps[16..].iter().map(|s| &s.action).collect();
        assert_eq!(
            rest,
            vec![
                &Action::Power(true),
                &Action::Input("31".into()),
                &Action::RecallPreset(1)
            ]
        );
    }

    #[test]
    fn a_scene_with_a_bad_layout_plans_nothing() {
        let mut scene = major_accident();
        scene.windows[1].row = 3;
        assert!(plan(&scene, &Wall::numbered(4, 4), "matrix", &sources()).is_err());
    }
}
