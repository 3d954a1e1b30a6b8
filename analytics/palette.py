"""Colour-blind-safe colours with one meaning each.

Status (the traffic lights and a measure's status) has its own hues: green, yellow and vermillion, plus greys.
Målområder take Paul Tol's colours from the other side of the colour wheel (blue, indigo, purple, magenta, wine),
so that a målområde square never looks like a status. Status is also told by a symbol (STATUS_SYMBOLS,
LIGHT_SYMBOLS) and, in charts, by a marker shape or a bar pattern, so that it never depends on colour alone.
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Paul Tol's "vibrant" and "muted" schemes (https://personal.sron.nl/~pault/), the hues that no status uses.
TOL = {
    "blue": "#0077BB",
    "indigo": "#332288",
    "purple": "#AA4499",
    "magenta": "#EE3377",
    "wine": "#882255",
    "dark_blue": "#004488",
}

# Målområder by their number in the strategy; the same colour in every view. None of these hues is a status hue,
# and every one has at least 3:1 contrast against white (tests/test_palette.py checks both).
GOAL_AREA_COLOURS = {
    1: TOL["blue"],
    2: TOL["magenta"],
    3: TOL["indigo"],
    4: TOL["purple"],
    5: TOL["wine"],
}

# Network scope, from the widest to the narrowest: a grey ramp, so that the Nettverk view's only hues are the
# målområder's (the scope bars sit beside the count bars). Every bar gets a dark outline (SCOPE_OUTLINE), so that
# the light greys keep a visible edge against white and against each other.
SCOPE_COLOURS = {
    "global": "#333333",
    "european": "#5E5E5E",
    "nordic": "#8A8A8A",
    "national_regional": "#B5B5B5",
    "local": "#DCDCDC",
    "unknown": "#FFFFFF",
}
SCOPE_OUTLINE = "#1A1A1A"
# Neighbouring greys alone are hard to tell apart on a projector, so each scope also has its own pattern (drawn in
# white on the dark greys, in black on the light ones) and the legend lists them in the order of the bars.
SCOPE_PATTERNS = {
    "global": "",
    "european": "/",
    "nordic": "x",
    "national_regional": ".",
    "local": "-",
    "unknown": "\\",
}
SCOPE_PATTERN_COLOURS = {
    "global": "#FFFFFF",
    "european": "#FFFFFF",
    "nordic": "#000000",
    "national_regional": "#000000",
    "local": "#000000",
    "unknown": "#595959",
}

AGREEMENT_COLOURS = {
    "vennskapsby": OKABE_ITO["blue"],
    "intensjonsavtale": OKABE_ITO["vermillion"],
    "mou": OKABE_ITO["bluish_green"],
}

# Regions in the Befolkning view, keyed by region key, so that a region has the same colour whichever
# organisation is chosen (Trøndelag is orange beside Trondheim and in Trøndelag's own view). A country is a dark
# grey, so that the home region stands out; a region not listed here takes REGION_FALLBACK in data order.
REGION_COLOURS = {
    "trondheim": OKABE_ITO["blue"],
    "trondelag": OKABE_ITO["orange"],
    "kuopio": OKABE_ITO["sky_blue"],
    "norge": "#595959",
    "finland": "#595959",
}
REGION_FALLBACK = (OKABE_ITO["reddish_purple"], "#8C6D31", OKABE_ITO["black"])
# A country background with a partner city: dark blue (the caption says «mørkeblå»), the others a light grey.
PARTNER_HIGHLIGHT = TOL["dark_blue"]
NEUTRAL_BAR = "#B4B4B4"

# Status hues: green (on track / done), yellow (some late), vermillion (late), and greys. Done is a darker green
# with a check mark, so that "i rute" and "fullført" share a meaning (good) but not a look.
STATUS_GREEN = OKABE_ITO["bluish_green"]
STATUS_DARK_GREEN = "#00573F"
STATUS_YELLOW = OKABE_ITO["yellow"]
STATUS_RED = OKABE_ITO["vermillion"]
STATUS_COLOURS = {
    "ikke_startet": "#E3E3E3",
    "i_rute": STATUS_GREEN,
    "forsinket": STATUS_RED,
    "fullfort": STATUS_DARK_GREEN,
    "avbrutt": "#6E6E6E",
    "ikke_rapportert": "#B4B4B4",
}
# The symbol beside a status in text and legends; plotly's marker symbol and bar pattern for the same status.
STATUS_SYMBOLS = {
    "ikke_startet": "○",
    "i_rute": "●",
    "forsinket": "▲",
    "fullfort": "✓",
    "avbrutt": "✕",
    "ikke_rapportert": "?",
}
STATUS_MARKERS = {
    "ikke_startet": "circle-open",
    "i_rute": "circle",
    "forsinket": "triangle-up",
    "fullfort": "star",
    "avbrutt": "x",
    "ikke_rapportert": "diamond-open",
}
STATUS_PATTERNS = {
    "ikke_startet": ".",
    "i_rute": "",
    "forsinket": "x",
    "fullfort": "",
    "avbrutt": "-",
    "ikke_rapportert": "/",
}
LIGHT_COLOURS = {
    "red": STATUS_RED,
    "yellow": STATUS_YELLOW,
    "green": STATUS_GREEN,
    "grey": "#BBBBBB",
}
LIGHT_SYMBOLS = {"red": "▲", "yellow": "■", "green": "●", "grey": "○"}

DORMANT_GREY = "#8C8C8C"
HOME_COLOUR = OKABE_ITO["black"]
LAND = "#E6E3DA"
# Land in a few light, neutral tones, so that neighbouring countries differ without border lines.
LAND_TONES = ("#E6E3DA", "#D9D5C9", "#EFEDE6", "#DDD9CF", "#E9E6DF")
OCEAN = "#F4F8FB"
BORDER = "#FFFFFF"


def rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    """[r, g, b, a] for deck.gl from "#RRGGBB"."""
    value = hex_colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def goal_area_colour(number: int) -> str:
    """The colour of målområde `number` (a neutral grey past the fifth)."""
    return GOAL_AREA_COLOURS.get(int(number), DORMANT_GREY)


def region_colours(keys) -> dict[str, str]:
    """Region key -> colour: the fixed colour of a known region; unknown regions share the fallbacks in order."""
    colours, spare = {}, 0
    for key in keys:
        if key in REGION_COLOURS:
            colours[key] = REGION_COLOURS[key]
        else:
            colours[key] = REGION_FALLBACK[spare % len(REGION_FALLBACK)]
            spare += 1
    return colours


def hue(hex_colour: str) -> float | None:
    """The hue in degrees (0–360) of "#RRGGBB", or None for a grey (saturation under 10 %)."""
    import colorsys

    r, g, b = (v / 255 for v in rgb(hex_colour)[:3])
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    return None if s < 0.1 or max(r, g, b) - min(r, g, b) < 0.08 else h * 360


def contrast(hex_colour: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio between two colours."""

    def luminance(value: str) -> float:
        channels = [c / 255 for c in rgb(value)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(hex_colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
