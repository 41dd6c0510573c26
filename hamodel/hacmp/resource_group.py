"""Resource group policy: which node should hold a group after a node joins or leaves.

Usage::

    takeover_target(group, live={"nodeB"})                   # 'nodeB'
    acquires_on_join(group, joining="nodeB", live={"nodeB"}, holder=None)   # False unless inactive takeover

Cascading groups (book 2.4.1, reference §4.6): each node of the chain has a
priority (first = highest). On failure the highest-priority surviving node
takes the group; a joining node of higher priority than the holder takes it
back (fallback). A group that is offline is acquired by a joining node only
if Inactive Takeover is true, or the joiner is the chain's highest-priority
node, or it outranks every chain node already up. Rotating groups go to the
first node up and never fall back. Concurrent groups are online on every
node of the group that is up: nothing is taken over, a joining node simply
varies the volume groups on too.
"""

from __future__ import annotations

from hamodel.config import ResourceGroupSpec


def rank(group: ResourceGroupSpec, node: str) -> int:
    """Priority of ``node`` in the chain: 0 is highest; nodes outside the chain rank last."""
    return group.nodes.index(node) if node in group.nodes else len(group.nodes)


def takeover_target(group: ResourceGroupSpec, live: set[str]) -> str | None:
    """Highest-priority live chain node, or None when no chain node is up."""
    for node in group.nodes:
        if node in live:
            return node
    return None


def acquires_on_join(group: ResourceGroupSpec, joining: str, live: set[str], holder: str | None) -> bool:
    """Does ``joining`` acquire ``group`` when it joins a cluster whose live nodes are ``live``?"""
    if joining not in group.nodes:
        return False
    if group.type == "concurrent":
        return True  # every node of a concurrent group has it online (book 2.4.1)
    if holder == joining:
        # The others still place the group on the joiner (it left by a forced stop): the
        # joiner takes it up again; what it still holds is skipped by the sub-events.
        return True
    if holder is not None:
        return group.type == "cascading" and rank(group, joining) < rank(group, holder)
    if group.type == "rotating" or group.inactive_takeover:
        return True
    if rank(group, joining) == 0:
        return True
    others = [n for n in live if n != joining and n in group.nodes]
    return bool(others) and all(rank(group, joining) < rank(group, n) for n in others)
