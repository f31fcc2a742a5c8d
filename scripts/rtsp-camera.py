#!/usr/bin/env python3
"""A test camera: an RTSP server (GStreamer's gst-rtsp-server, from Debian) that streams H.264
(x264, constrained baseline, a keyframe every second) of a solid colour, so a viewer can tell
which camera it is looking at.

    rtsp-camera.py PORT [COLOUR]     # COLOUR: red | green | blue (default red)

Serves rtsp://127.0.0.1:PORT/camera and prints "ready PORT" once listening.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

# videotestsrc's solid patterns
PATTERNS = {"red": 4, "green": 5, "blue": 6}


def main() -> None:
    port = sys.argv[1]
    colour = sys.argv[2] if len(sys.argv) > 2 else "red"
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f"( videotestsrc is-live=true pattern={PATTERNS[colour]} "
        "! video/x-raw,width=320,height=240,framerate=15/1 "
        "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=15 bitrate=300 "
        "! video/x-h264,profile=constrained-baseline "
        "! rtph264pay name=pay0 pt=96 config-interval=1 )"
    )
    # One pipeline for every client, as a real camera has one encoder.
    factory.set_shared(True)
    server.get_mount_points().add_factory("/camera", factory)
    if server.attach(None) == 0:
        sys.exit(f"could not listen on 127.0.0.1:{port}")
    print(f"ready {port}", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
