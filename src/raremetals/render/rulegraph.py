"""Draw the workflow's rule graph (``snakemake --rulegraph`` DOT text) with matplotlib.

Rules are placed in layers by their longest path from a rule with no inputs from other
rules, so every arrow points down. No Graphviz is needed.
"""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

# Snakemake's form (`0[label = "all", ...]`, `1 -> 0`) and the canonical one written by
# canonical_dot (`"all";`, `"fetch" -> "all";`)
_NODE = re.compile(r'^\s*(?:(\d+)\s*\[.*?label\s*=\s*"([^"]+)"|"([^"]+)";)')
_EDGE = re.compile(r'^\s*(?:(\d+)\s*->\s*(\d+)|"([^"]+)"\s*->\s*"([^"]+)")')


def parse_dot(text: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Nodes (id -> rule name) and edges (id, id) of a rule graph."""
    nodes, edges = {}, []
    for line in text.splitlines():
        if m := _EDGE.match(line):
            edges.append((m[1], m[2]) if m[1] else (m[3], m[4]))
        elif m := _NODE.match(line):
            if m[1]:
                nodes[m[1]] = m[2]
            else:
                nodes[m[3]] = m[3]
    if not nodes:
        raise ValueError("no rules found in the rule graph")
    return nodes, edges


def canonical_dot(text: str) -> str:
    """The rule graph with rules named, not numbered, and sorted: Snakemake numbers the
    rules and orders the edges differently from run to run."""
    nodes, edges = parse_dot(text)
    lines = ["digraph rulegraph {"]
    lines += [f'    "{label}";' for label in sorted(nodes.values())]
    lines += [f'    "{a}" -> "{b}";' for a, b in sorted({(nodes[x], nodes[y]) for x, y in edges})]
    return "\n".join(lines + ["}"]) + "\n"


def layers(nodes, edges) -> dict[str, int]:
    depth = {n: 0 for n in nodes}
    for _ in nodes:  # longest path by relaxation; the graph is acyclic
        for a, b in edges:
            depth[b] = max(depth[b], depth[a] + 1)
    return depth


def draw(text: str):
    nodes, edges = parse_dot(text)
    depth = layers(nodes, edges)
    rows: dict[int, list[str]] = {}
    for n in sorted(nodes, key=lambda n: nodes[n]):
        rows.setdefault(depth[n], []).append(n)
    pos = {}
    width = max(len(r) for r in rows.values())
    for d, members in rows.items():
        for i, n in enumerate(members):
            pos[n] = ((i + 0.5) * width / len(members), -d)
    fig, ax = plt.subplots(figsize=(max(8, 1.9 * width), 1.2 * (len(rows) + 1)))
    for a, b in edges:
        ax.annotate(
            "",
            xy=pos[b],
            xytext=pos[a],
            arrowprops={"arrowstyle": "->", "color": "#888", "shrinkA": 12, "shrinkB": 12},
        )
    for n, (x, y) in pos.items():
        ax.text(
            x,
            y,
            nodes[n],
            ha="center",
            va="center",
            fontsize=9,
            gid=nodes[n],
            bbox={"boxstyle": "round", "facecolor": "#eaf2f8", "edgecolor": "#5d6d7e"},
        )
    ax.set_xlim(-0.2, width + 0.2)
    ax.set_ylim(-max(rows) - 0.6, 0.6)
    ax.axis("off")
    fig.tight_layout()
    return fig
