"""One colour-blind-safe palette (Okabe & Ito 2008) for every chart and map."""

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

# Målområder by their number in the strategy; the same colour in every view.
GOAL_AREA_COLOURS = {
    1: OKABE_ITO["blue"],
    2: OKABE_ITO["orange"],
    3: OKABE_ITO["bluish_green"],
    4: OKABE_ITO["reddish_purple"],
    5: OKABE_ITO["vermillion"],
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

AGREEMENT_COLOURS = {
    "vennskapsby": OKABE_ITO["blue"],
    "intensjonsavtale": OKABE_ITO["vermillion"],
    "mou": OKABE_ITO["bluish_green"],
}

# Regions in the Befolkning view, in the order of the data: the organisation's own, then the others, the
# country last (a dark grey, so that the home region stands out).
REGION_COLOURS = (OKABE_ITO["blue"], OKABE_ITO["orange"], "#595959", OKABE_ITO["bluish_green"])
PARTNER_HIGHLIGHT = OKABE_ITO["vermillion"]
NEUTRAL_BAR = "#7F9CB5"

STATUS_COLOURS = {
    "ikke_startet": OKABE_ITO["sky_blue"],
    "i_rute": OKABE_ITO["bluish_green"],
    "forsinket": OKABE_ITO["vermillion"],
    "fullfort": OKABE_ITO["blue"],
    "avbrutt": "#8C8C8C",
    "ikke_rapportert": "#BBBBBB",
}
LIGHT_COLOURS = {
    "red": OKABE_ITO["vermillion"],
    "yellow": OKABE_ITO["yellow"],
    "green": OKABE_ITO["bluish_green"],
    "grey": "#BBBBBB",
}

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
