"""Procurement categories (物资、专业、劳务、机械、服务), shared by suppliers and tenders."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """What is bought; suppliers are admitted per category and tenders name one."""

    MATERIALS = "materials"  # 物资
    SPECIALIST = "specialist_subcontracting"  # 专业分包
    LABOUR = "labour"  # 劳务
    MACHINERY = "machinery"  # 机械
    SERVICES = "services"  # 服务

    @property
    def label_zh(self) -> str:
        """The Chinese name used on notices."""
        return _ZH[self]


_ZH = {
    Category.MATERIALS: "物资",
    Category.SPECIALIST: "专业分包",
    Category.LABOUR: "劳务",
    Category.MACHINERY: "机械",
    Category.SERVICES: "服务",
}
