"""hamodel: a software model of an IBM HACMP 4.3 for AIX cluster and its hardware.

Usage::

    from hamodel.lab import Lab
    lab = Lab.load("hotstandby", seed=1)
    for node in ("nodeA", "nodeB"):
        lab.run(node, "smit clstart")
    lab.settle()
    print(lab.run("nodeA", "netstat -in").output)

Layers, bottom up (lower never imports higher): :mod:`scheduler`,
:mod:`hardware`, :mod:`aix`, :mod:`hacmp`, :mod:`commands`,
:mod:`definition`, :mod:`lab`. See docs/DESIGN.md.
"""
