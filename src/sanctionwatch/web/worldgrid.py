"""A tile grid map of the world: one equal square per state, placed roughly where it
lies. It is drawn as an inline SVG from the layout below (no map data files, no
network); shapes and areas are deliberately not geographic, and the page says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from html import escape

from rigour.territories import get_territory

__all__ = ["GRID", "STATUS_COLOURS", "country_name", "positions", "tile_map_svg"]

# Rows of ISO 3166-1 alpha-2 codes; ".." is sea. Roughly: the Americas on the left,
# Europe and Africa in the middle, Asia and Oceania on the right.
GRID = """
.. .. .. .. GL .. .. .. .. IS .. .. NO SE FI .. RU
.. .. CA .. .. .. .. .. .. IE GB DK EE LV LT BY .. KZ MN .. .. .. JP
.. .. US .. .. .. .. .. .. PT FR NL DE PL UA MD GE UZ KG CN KP .. ..
.. .. MX CU BS .. .. .. .. ES BE LU CZ SK RO AM AZ TM TJ .. KR .. ..
.. .. GT BZ JM HT DO .. .. AD CH AT HU RS BG TR IR AF NP BT TW .. ..
.. .. SV HN .. .. PR .. .. MC IT SI HR BA ME GR CY PK IN BD HK .. ..
.. .. .. NI .. .. TT .. .. SM MT VA LI AL MK SY IQ KW .. MM LA VN PH
.. .. .. CR PA .. .. .. .. MA DZ TN LY EG LB JO SA BH QA LK TH KH ..
.. .. .. .. CO VE GY SR .. EH MR ML NE SD IL PS YE AE OM MV MY BN ..
.. .. .. .. EC BR .. .. .. SN GM BF TD ER DJ .. .. .. .. .. SG ID TL
.. .. .. .. PE BO PY .. .. GW GN CI NG CF SS ET SO .. .. .. .. PG SB
.. .. .. .. .. CL AR UY .. SL LR GH TG BJ CM UG KE .. .. .. AU VU FJ
.. .. .. .. .. .. .. .. .. CV ST GQ GA CG CD RW TZ SC .. .. .. NZ WS
.. .. .. .. .. .. .. .. .. .. .. .. AO ZM MW BI MZ KM .. .. .. TO ..
.. .. .. .. .. .. .. .. .. .. .. .. NA BW ZW SZ MG MU .. .. .. .. ..
.. .. .. .. .. .. .. .. .. .. .. .. .. ZA LS .. .. .. .. .. .. .. ..
"""

STATUS_COLOURS = {  # the compliance statuses (sanctionwatch.compliance.model.Status)
    "claims compliance": "#2e7d32",
    "disputed": "#7b3fa0",
    "admits non-compliance": "#c77700",
    "reported non-compliance": "#b3261e",
    "no information": "#9aa4b1",
}
NO_DATA = "#e1e5eb"
TILE = 22


@lru_cache(maxsize=1)
def positions() -> dict[str, tuple[int, int]]:
    """ISO2 (upper case) -> (column, row)."""
    found: dict[str, tuple[int, int]] = {}
    for row, line in enumerate(GRID.strip().splitlines()):
        for col, code in enumerate(line.split()):
            if code != "..":
                found[code] = (col, row)
    return found


@lru_cache(maxsize=512)
def country_name(iso2: str) -> str:
    territory = get_territory(iso2.lower())
    return territory.name if territory is not None else iso2.upper()


def tile_map_svg(status: Mapping[str, str], *, link: str = "/states/{iso}", title: str = "") -> str:
    """An SVG tile map colouring each state (ISO2, any case) by its status."""
    pos = positions()
    cols = max(c for c, _ in pos.values()) + 1
    rows = max(r for _, r in pos.values()) + 1
    wanted = {k.upper(): v for k, v in status.items()}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {cols * TILE} {rows * TILE}" '
        f'role="img" aria-label="{escape(title or "tile grid map of states")}">'
    ]
    for iso, (col, row) in sorted(pos.items()):
        state = wanted.get(iso)
        colour = STATUS_COLOURS.get(state or "", NO_DATA) if state else NO_DATA
        label = f"{country_name(iso)}: {state or 'no assessment'}"
        x, y = col * TILE, row * TILE
        text_fill = "#fff" if state else "#6b7685"
        parts.append(
            f'<a href="{escape(link.format(iso=iso))}" data-iso="{iso}">'
            f'<rect class="tile" x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="3" '
            f'fill="{colour}" data-status="{escape(state or "none")}"><title>{escape(label)}'
            f'</title></rect><text x="{x + TILE / 2}" y="{y + TILE / 2 + 2.5}" '
            f'text-anchor="middle" style="fill:{text_fill}">{iso}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
