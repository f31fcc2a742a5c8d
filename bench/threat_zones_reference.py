#!/usr/bin/python3
"""Reference for bench/threat-zones.sh: the Gaussian threat zones of bench/threat-zones.json
computed independently with numpy/scipy, the same method the Rust library documents
(CCPS 1999 Eqs. 2.1.56/2.1.58, Briggs rural and CCPS puff sigmas, farthest crossing on a
240-point log grid refined by a root finder, a 41-point cosine-spaced outline, local tangent
plane to WGS-84), so distances can be compared and times set side by side.

Usage: /usr/bin/python3 bench/threat_zones_reference.py [runs]  (Debian python3-numpy, python3-scipy)
"""
import json
import math
import sys
import time

import numpy as np
from scipy.optimize import brentq

R_GAS, P_ATM, EARTH = 8.314462, 101325.0, 6371008.8
AMMONIA = {"M": 17.03, "levels": [("AEGL-3", 1100.0), ("AEGL-2", 160.0), ("AEGL-1", 30.0)]}


def mg_m3(ppm, molar_mass):
    return ppm * P_ATM * molar_mass / 1000.0 / (R_GAS * 298.15)


def briggs_rural(cls, x):
    lateral = {"A": 0.22, "B": 0.16, "C": 0.11, "D": 0.08, "E": 0.06, "F": 0.04}[cls] * x / np.sqrt(1 + 1e-4 * x)
    vertical = {
        "A": lambda x: 0.20 * x,
        "B": lambda x: 0.12 * x,
        "C": lambda x: 0.08 * x / np.sqrt(1 + 2e-4 * x),
        "D": lambda x: 0.06 * x / np.sqrt(1 + 1.5e-3 * x),
        "E": lambda x: 0.03 * x / (1 + 3e-4 * x),
        "F": lambda x: 0.016 * x / (1 + 3e-4 * x),
    }[cls](x)
    return lateral, vertical


def ccps_puff(cls, x):
    a, b, c, d = {"A": (0.18, 0.92, 0.60, 0.75), "B": (0.14, 0.92, 0.53, 0.73), "C": (0.10, 0.92, 0.34, 0.71),
                  "D": (0.06, 0.92, 0.15, 0.70), "E": (0.04, 0.92, 0.10, 0.65), "F": (0.02, 0.89, 0.05, 0.61)}[cls]
    return a * x ** b, c * x ** d


def cloud(s):
    cls, u = s["stability"], s["wind_speed"]
    if s["event"] == "continuous_release":
        q = s["amount"] * 1e6
        def axis(x):
            sy, sz = briggs_rural(cls, x)
            return q / (math.pi * u * sy * sz)  # ground source and receptor, reflected
        sigma_y = lambda x: briggs_rural(cls, x)[0]
    else:
        m = s["amount"] * 1e6
        def axis(x):
            sy, sz = ccps_puff(cls, x)
            return 2 * m / ((2 * math.pi) ** 1.5 * sy * sy * sz)
        sigma_y = lambda x: ccps_puff(cls, x)[0]
    return axis, sigma_y


def zones(s):
    axis, sigma_y = cloud(s)
    grid = np.logspace(0, math.log10(50_000.0), 240)
    on_axis = axis(grid)
    lon0, lat0 = s["source"]["lon"], s["source"]["lat"]
    bearing = math.radians(s["wind_from"] + 180.0)
    de, dn = math.sin(bearing), math.cos(bearing)
    out = []
    for name, ppm in AMMONIA["levels"]:
        level = mg_m3(ppm, AMMONIA["M"])
        above = np.nonzero(on_axis >= level)[0]
        if len(above) == 0:
            continue
        i = above[-1]
        far = math.exp(brentq(lambda lx: axis(math.exp(lx)) - level, math.log(grid[i]), math.log(grid[i + 1]), xtol=1e-9))
        t = (1 - np.cos(np.pi * np.arange(41) / 40)) / 2
        xs = 1.0 + (far - 1.0) * t
        ratio = axis(xs) / level
        w = np.where(ratio > 1, sigma_y(xs) * np.sqrt(2 * np.log(np.maximum(ratio, 1))), 0.0)
        x = np.concatenate([xs, xs[-2:0:-1]])
        y = np.concatenate([-w, w[-2:0:-1]])
        east, north = x * de - y * dn, x * dn + y * de
        lat = lat0 + np.degrees(north / EARTH)
        lon = lon0 + np.degrees(east / (EARTH * math.cos(math.radians(lat0))))
        out.append((name, far, np.stack([lon, lat], axis=1)))
    return out


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with open("bench/threat-zones.json") as f:
        scenarios = json.load(f)
    for name, s in scenarios:
        result = zones(s)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            zones(s)
            times.append((time.perf_counter() - start) * 1e6)
        times.sort()
        p50, p99 = times[len(times) // 2], times[int((len(times) - 1) * 0.99)]
        distances = ", ".join(f"{d:.1f}" for _, d, _ in result)
        print(f"numpy {name}: distances m [{distances}], p50 {p50:.1f} µs, p99 {p99:.1f} µs")


if __name__ == "__main__":
    main()
