"""Whether two things an output sets side by side are alike: one verdict, decided here and
obeyed by every figure, sentence, table and headline number.

A change ("rose from 97% to 69%", "moved from China to the Philippines") is stated only
between like things: the same thing weighed (a metal, not a product that stands for it),
on the same basis where both state one, at the same stage where both state one. Otherwise
an output says what each side is and states no change. The kinds of unlikeness, in the
order they are tested:

- ``proxy``: one side stands for something else (permanent magnets for neodymium);
- ``series``: the two weigh different things (Table 3's lithium, in forms it does not
  state, against HS 2836.91 lithium carbonate alone);
- ``basis``: both state a basis and they differ (manganese content against ore);
- ``stage``: both state a stage and they differ (mine against refinery).
"""

from __future__ import annotations

from dataclasses import dataclass

from raremetals.stats.second_source import stated_bases


@dataclass(frozen=True)
class Side:
    """One side of a comparison: what is weighed (a metal id, or a product), its basis
    and stage where stated ("" where not), and whether it stands for something else."""

    what: str
    basis: str = ""
    stage: str = ""
    proxy: bool = False


@dataclass(frozen=True)
class Verdict:
    like: bool
    why: str = ""  # proxy, series, basis or stage where not like


def verdict(a: Side, b: Side) -> Verdict:
    """Like with like, or the first kind of unlikeness (see the module docstring)."""
    if a.proxy or b.proxy:
        return Verdict(False, "proxy")
    if a.what != b.what:
        return Verdict(False, "series")
    said = stated_bases(a.basis), stated_bases(b.basis)
    if all(said) and said[0] != said[1]:
        return Verdict(False, "basis")
    if a.stage and b.stage and a.stage != b.stage:
        return Verdict(False, "stage")
    return Verdict(True)


def across_stages(mining: Side, processing: Side) -> Verdict:
    """Whether two stages' shares may be set side by side: of one metal (the same
    ``what``), neither a proxy, and of two stages. Only shares and HHIs are: a stage's
    tonnage is never set beside another's."""
    if mining.proxy or processing.proxy:
        return Verdict(False, "proxy")
    if mining.what != processing.what:
        return Verdict(False, "series")
    if not mining.stage or mining.stage == processing.stage:
        return Verdict(False, "stage")
    return Verdict(True)
