"""Demo data: a fictional expert panel and realistic, reproducible materials for a sample park.

Everything here is invented and marked as such (示例材料，数据为虚构). Pure Python, no Qt.
"""

from reviewer.demo.materials import MATERIALS, Material, generate_materials
from reviewer.demo.people import DEMO_CHAIR, DEMO_MEMBERS, DEMO_PANEL, DemoExpert, PanelRole

__all__ = [
    "DEMO_CHAIR",
    "DEMO_MEMBERS",
    "DEMO_PANEL",
    "MATERIALS",
    "DemoExpert",
    "Material",
    "PanelRole",
    "generate_materials",
]
