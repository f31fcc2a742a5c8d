//! Texts of form validation every feature shares.

pub struct FormTexts {
    pub required: &'static str,
    pub too_long: &'static str,
    pub negative: &'static str,
    pub too_large: &'static str,
    pub not_a_number: &'static str,
    pub not_a_decimal: &'static str,
    pub coordinate_required: &'static str,
    pub choose: &'static str,
    pub date_rule: &'static str,
    pub time_rule: &'static str,
}

pub(super) const ZH: FormTexts = FormTexts {
    required: "必填",
    too_long: "字数不能超过",
    negative: "不能为负数",
    too_large: "不能大于",
    not_a_number: "请填写整数",
    not_a_decimal: "请填写数字",
    coordinate_required: "请填写经纬度（可在地图上点击）",
    choose: "请选择",
    date_rule: "请按 2027-06-30 的格式填写日期",
    time_rule: "请按 2027-06-30 08:00 的格式填写时间",
};

pub(super) const EN: FormTexts = FormTexts {
    required: "required",
    too_long: "at most this many characters:",
    negative: "cannot be negative",
    too_large: "cannot exceed",
    not_a_number: "enter a whole number",
    not_a_decimal: "enter a number",
    coordinate_required: "enter the coordinates (or click the map)",
    choose: "choose one",
    date_rule: "write the date as 2027-06-30",
    time_rule: "write the time as 2027-06-30 08:00",
};
