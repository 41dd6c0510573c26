"""Physical parts: nodes, network adapters and cables, hubs, serial links, disks.

Hardware holds only physical state (power, cables, LEDs, burned-in MACs);
what runs on it lives in :mod:`hamodel.aix`.
"""

from hamodel.hardware.disk import Disk
from hamodel.hardware.network import Hub, Nic, SerialLink, segment_of
from hamodel.hardware.node import Node

__all__ = ["Disk", "Hub", "Nic", "Node", "SerialLink", "segment_of"]
