//! Texts of the command hall page.

use crate::hall::{Action, DeviceKind, LayoutProblem, Link, Power, StepOutcome};

pub struct HallTexts {
    pub title: &'static str,
    pub hint: &'static str,
    pub no_setup: &'static str,
    pub scenes: &'static str,
    pub no_scenes: &'static str,
    pub recall: &'static str,
    pub recalled: &'static str,
    pub recall_failed: &'static str,
    pub wall: &'static str,
    pub layout: &'static str,
    pub empty_tile: &'static str,
    pub scene_name: &'static str,
    pub scene_name_rule: &'static str,
    pub save_scene: &'static str,
    pub saved: &'static str,
    pub devices: &'static str,
    pub device: &'static str,
    pub device_failed: &'static str,
    pub simulated: &'static str,
    pub power_on: &'static str,
    pub power_off: &'static str,
    pub mute: &'static str,
    pub unmute: &'static str,
    pub input: &'static str,
    pub muted: &'static str,
    pub ties: &'static str,
    pub preset: &'static str,
    pub recall_preset: &'static str,
    pub store_preset: &'static str,
    pub home: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub stop: &'static str,
    pub last_seen: &'static str,
    pub outside_wall: &'static str,
    pub overlap: &'static str,
    pub unknown_source: &'static str,
    /// Connecting, online, offline.
    pub links: [&'static str; 3],
    /// Standby, on, cooling, warming up.
    pub powers: [&'static str; 4],
    /// Display, camera, matrix.
    pub kinds: [&'static str; 3],
    /// Up, down, left, right.
    pub directions: [&'static str; 4],
}

impl HallTexts {
    pub fn link(&self, l: Link) -> &'static str {
        match l {
            Link::Connecting => self.links[0],
            Link::Online => self.links[1],
            Link::Offline => self.links[2],
        }
    }

    pub fn power(&self, p: Power) -> &'static str {
        match p {
            Power::Standby => self.powers[0],
            Power::On => self.powers[1],
            Power::Cooling => self.powers[2],
            Power::WarmingUp => self.powers[3],
        }
    }

    pub fn kind(&self, k: DeviceKind) -> &'static str {
        match k {
            DeviceKind::Display => self.kinds[0],
            DeviceKind::Camera => self.kinds[1],
            DeviceKind::Matrix => self.kinds[2],
        }
    }

    pub fn layout_problem(&self, p: &LayoutProblem) -> String {
        match p {
            LayoutProblem::OutsideWall(i) => format!("{} {}", self.outside_wall, i + 1),
            LayoutProblem::Overlap(a, b) => format!("{} {} / {}", self.overlap, a + 1, b + 1),
            LayoutProblem::UnknownSource(s) => format!("{}：{s}", self.unknown_source),
        }
    }

    /// An action as an operator would say it.
    pub fn action(&self, a: &Action) -> String {
        match a {
            Action::Power(true) => self.power_on.into(),
            Action::Power(false) => self.power_off.into(),
            Action::Input(i) => format!("{} {i}", self.input),
            Action::Mute(true) => self.mute.into(),
            Action::Mute(false) => self.unmute.into(),
            Action::Tie { input, output } => format!("{output}←{input}"),
            Action::Move { .. } => self.directions.join("/"),
            Action::Zoom(z) if *z > 0 => self.zoom_in.into(),
            Action::Zoom(z) if *z < 0 => self.zoom_out.into(),
            Action::Zoom(_) => self.stop.into(),
            Action::Home => self.home.into(),
            Action::RecallPreset(n) => format!("{} {n}", self.recall_preset),
            Action::StorePreset(n) => format!("{} {n}", self.store_preset),
        }
    }

    /// One line of a scene's report: the device, the step, and its failure.
    pub fn failed_step(&self, device: &str, o: &StepOutcome) -> String {
        format!(
            "{device} · {}：{}",
            self.action(&o.step.action),
            o.error.clone().unwrap_or_default()
        )
    }
}

pub const ZH: HallTexts = HallTexts {
    title: "指挥大厅",
    hint: "一键调用场景，或逐台控制大屏、投影和摄像机。所有操作记入审计日志。",
    no_setup: "本节点尚未配置指挥大厅",
    scenes: "场景",
    no_scenes: "尚无保存的场景",
    recall: "调用",
    recalled: "场景已全部执行",
    recall_failed: "以下步骤未执行，其余已执行：",
    wall: "大屏布局",
    layout: "大屏布局",
    empty_tile: "（空）",
    scene_name: "场景名称",
    scene_name_rule: "场景名称为 1–60 字",
    save_scene: "保存为场景",
    saved: "场景已保存",
    devices: "大厅设备",
    device: "设备",
    device_failed: "设备未执行",
    simulated: "模拟设备",
    power_on: "开机",
    power_off: "关机",
    mute: "静音",
    unmute: "取消静音",
    input: "信号源",
    muted: "已静音",
    ties: "输出←输入",
    preset: "预置位",
    recall_preset: "调用预置位",
    store_preset: "存为预置位",
    home: "归位",
    zoom_in: "放大",
    zoom_out: "缩小",
    stop: "停",
    last_seen: "最近应答",
    outside_wall: "窗口超出大屏：",
    overlap: "窗口重叠：",
    unknown_source: "未知信号源",
    links: ["连接中", "在线", "离线"],
    powers: ["待机", "开机", "冷却中", "预热中"],
    kinds: ["显示设备", "摄像机", "矩阵"],
    directions: ["上", "下", "左", "右"],
};

pub const EN: HallTexts = HallTexts {
    title: "Command hall",
    hint: "Recall a scene with one click, or control the wall, projectors and cameras one by one. Every action is audited.",
    no_setup: "This node's command hall is not set up",
    scenes: "Scenes",
    no_scenes: "No saved scenes",
    recall: "Recall",
    recalled: "Scene applied in full",
    recall_failed: "These steps failed; the rest applied:",
    wall: "Wall layout",
    layout: "Wall layout",
    empty_tile: "(empty)",
    scene_name: "Scene name",
    scene_name_rule: "A scene name has 1–60 characters",
    save_scene: "Save as scene",
    saved: "Scene saved",
    devices: "Hall devices",
    device: "Device",
    device_failed: "The device did not do it",
    simulated: "simulated",
    power_on: "On",
    power_off: "Off",
    mute: "Mute",
    unmute: "Unmute",
    input: "Input",
    muted: "muted",
    ties: "output←input",
    preset: "Preset",
    recall_preset: "Recall preset",
    store_preset: "Store preset",
    home: "Home",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    stop: "Stop",
    last_seen: "Last answer",
    outside_wall: "Window outside the wall:",
    overlap: "Windows overlap:",
    unknown_source: "Unknown source",
    links: ["connecting", "online", "offline"],
    powers: ["standby", "on", "cooling", "warming up"],
    kinds: ["Display", "Camera", "Matrix"],
    directions: ["Up", "Down", "Left", "Right"],
};
